package org.burgers.ace.radial;

/**
 * The Agnesi-type distance transform of ACE1 / ACEpotentials.jl (Witt et al., J. Chem. Phys. 159, 164101
 * (2023)): {@code x(r) = 1 / (1 + a s^q / (1 + s^(q-p)))}, {@code s = r / r0}, with
 * {@code a = (-2q + p(4q - 2)) / (p + p^2 + q + q^2)}, mapped affinely to y in [-1, 1] so that
 * {@code y(0) = -1} and {@code y(rcut) = 1}. It is steep near r0 and flat far away, which spreads the
 * polynomial resolution where the bonds are.
 */
public record AgnesiTransform(int p, int q, double r0, double rcut, double a, double xcut) {

    public static AgnesiTransform of(int p, int q, double r0, double rcut) {
        if (!(r0 > 0) || !(rcut > 0) || q <= p) {
            throw new IllegalArgumentException("Agnesi transform needs r0 > 0, rcut > 0, q > p; got r0=" + r0
                    + " rcut=" + rcut + " p=" + p + " q=" + q);
        }
        double a = (-2.0 * q + p * (4.0 * q - 2.0)) / (p + (double) p * p + q + (double) q * q);
        double sc = rcut / r0;
        double xcut = 1.0 / (1.0 + a * Math.pow(sc, q) / (1.0 + Math.pow(sc, q - p)));
        return new AgnesiTransform(p, q, r0, rcut, a, xcut);
    }

    /** y(r) in [-1, 1]; out[0] = y, out[1] = dy/dr. */
    public void y(double r, double[] out) {
        double s = r / r0;
        double sq = pow(s, q), sqp = pow(s, q - p);
        double den = 1.0 + sqp;
        double g = a * sq / den;
        // g'(s) = a (q s^(q-1) (1 + s^(q-p)) - (q-p) s^q s^(q-p-1)) / (1 + s^(q-p))^2
        double dg = a * (q * pow(s, q - 1) * den - (q - p) * sq * pow(s, q - p - 1)) / (den * den);
        double x = 1.0 / (1.0 + g);
        double dxds = -dg * x * x;
        double scale = 2.0 / (1.0 - xcut);
        out[0] = -1.0 + scale * (1.0 - x);
        out[1] = -scale * dxds / r0;
    }

    private static double pow(double s, int k) {
        double v = 1;
        for (int i = 0; i < k; i++) {
            v *= s;
        }
        return v;
    }
}
