package org.burgers.potentials.pair;

/** phi(r) = 4 epsilon [(sigma/r)^12 - (sigma/r)^6] (Lennard-Jones, Proc. R. Soc. A 106, 463 (1924)). */
public record LennardJones(double epsilon, double sigma) implements PairFunction {
    @Override
    public void eval(double r, double[] out) {
        double s6 = Math.pow(sigma / r, 6);
        double s12 = s6 * s6;
        out[0] = 4 * epsilon * (s12 - s6);
        out[1] = 4 * epsilon * (-12 * s12 + 6 * s6) / r;
        out[2] = 4 * epsilon * (156 * s12 - 42 * s6) / (r * r);
    }

    @Override
    public String describe() {
        return "lj(epsilon=" + epsilon + ", sigma=" + sigma + ")";
    }
}
