package org.burgers.potentials.pair;

/** phi(r) = D [e^{-2 alpha (r - r0)} - 2 e^{-alpha (r - r0)}] (Morse, Phys. Rev. 34, 57 (1929)). */
public record Morse(double d, double alpha, double r0) implements PairFunction {
    @Override
    public void eval(double r, double[] out) {
        double e = Math.exp(-alpha * (r - r0));
        out[0] = d * (e * e - 2 * e);
        out[1] = d * (-2 * alpha * e * e + 2 * alpha * e);
        out[2] = d * (4 * alpha * alpha * e * e - 2 * alpha * alpha * e);
    }

    @Override
    public String describe() {
        return "morse(D=" + d + ", alpha=" + alpha + ", r0=" + r0 + ")";
    }
}
