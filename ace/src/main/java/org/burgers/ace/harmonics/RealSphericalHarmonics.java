package org.burgers.ace.harmonics;

/**
 * Real spherical harmonics Y_lm(r/|r|) for 0 <= l <= lmax and their Cartesian gradients with respect to r.
 *
 * <p>Convention (index {@code lm = l*l + l + m}): with the complex harmonics Y_l^m of Condon and Shortley,
 * {@code Y_l0 = Y_l^0}, {@code Y_lm = sqrt(2) (-1)^m Re Y_l^m} and {@code Y_l,-m = sqrt(2) (-1)^m Im Y_l^m}
 * for m > 0. They are evaluated as polynomials in the unit vector u = (x, y, z):
 * {@code Y_lm = sqrt(2) Qbar_l^m(z) Re (x + i y)^m}, where {@code Qbar_l^m = N_lm d^m P_l / dz^m} is the
 * normalised associated Legendre function without its sin^m factor. The recursions in l at fixed m are the
 * standard stable ones for fully normalised Legendre functions, so values stay accurate far beyond l = 12,
 * and there is no singularity at the poles (no angles are formed). The gradient is the tangential part of
 * the polynomial gradient divided by |r|.
 *
 * <p>Immutable tables; the evaluation writes into caller-provided arrays and allocates nothing.
 */
public final class RealSphericalHarmonics {
    private static final double SQRT2 = Math.sqrt(2.0);

    private final int lmax;
    private final double[] a;      // recursion coefficients a_lm, index lm-table (l, m>=0)
    private final double[] b;
    private final double[] dfac;   // sqrt((l - m)(l + m + 1)): d Qbar_l^m / dz = dfac * Qbar_l^(m+1)
    private final double[] diag;   // Qbar_m^m

    public RealSphericalHarmonics(int lmax) {
        if (lmax < 0) {
            throw new IllegalArgumentException("lmax must be >= 0, got " + lmax);
        }
        this.lmax = lmax;
        int n = (lmax + 1) * (lmax + 2) / 2;
        a = new double[n];
        b = new double[n];
        dfac = new double[n];
        diag = new double[lmax + 1];
        diag[0] = Math.sqrt(1.0 / (4 * Math.PI));
        for (int m = 1; m <= lmax; m++) {
            diag[m] = diag[m - 1] * Math.sqrt((2.0 * m + 1) / (2.0 * m));
        }
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m <= l; m++) {
                int k = tri(l, m);
                if (l >= m + 2) {
                    a[k] = Math.sqrt((4.0 * l * l - 1) / ((double) l * l - (double) m * m));
                    b[k] = Math.sqrt(((l - 1.0) * (l - 1.0) - (double) m * m) / (4.0 * (l - 1.0) * (l - 1.0) - 1));
                }
                dfac[k] = Math.sqrt((double) (l - m) * (l + m + 1));
            }
        }
    }

    public int lmax() {
        return lmax;
    }

    /** Number of (l, m) pairs: (lmax + 1)^2. */
    public int size() {
        return (lmax + 1) * (lmax + 1);
    }

    public static int index(int l, int m) {
        return l * l + l + m;
    }

    private static int tri(int l, int m) {
        return l * (l + 1) / 2 + m;
    }

    /** Scratch of the length {@link #evaluate} needs. */
    public double[] newScratch() {
        int n = (lmax + 1) * (lmax + 2) / 2;
        return new double[2 * n + 2 * (lmax + 1)];
    }

    /**
     * Values {@code y[yo + lm]} and, if {@code dy} is not null, gradients {@code dy[dyo + 3*lm + d]} with
     * respect to the vector (rx, ry, rz), which must be nonzero.
     */
    public void evaluate(double rx, double ry, double rz, double[] y, int yo, double[] dy, int dyo,
                         double[] scratch) {
        double r = Math.sqrt(rx * rx + ry * ry + rz * rz);
        double ux = rx / r, uy = ry / r, uz = rz / r;
        int nt = (lmax + 1) * (lmax + 2) / 2;
        // scratch layout: Q [nt] | dQ/dz [nt] | C [lmax+1] | S [lmax+1]
        int oq = 0, odq = nt, oc = 2 * nt, os = 2 * nt + lmax + 1;
        double[] w = scratch;
        w[oc] = 1;
        w[os] = 0;
        for (int m = 1; m <= lmax; m++) {
            // Re and Im of (x + i y)^m
            w[oc + m] = ux * w[oc + m - 1] - uy * w[os + m - 1];
            w[os + m] = ux * w[os + m - 1] + uy * w[oc + m - 1];
        }
        for (int m = 0; m <= lmax; m++) {
            w[oq + tri(m, m)] = diag[m];
            if (m + 1 <= lmax) {
                w[oq + tri(m + 1, m)] = Math.sqrt(2.0 * m + 3) * uz * diag[m];
            }
            for (int l = m + 2; l <= lmax; l++) {
                int k = tri(l, m);
                w[oq + k] = a[k] * (uz * w[oq + tri(l - 1, m)] - b[k] * w[oq + tri(l - 2, m)]);
            }
        }
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m <= l; m++) {
                w[odq + tri(l, m)] = m < l ? dfac[tri(l, m)] * w[oq + tri(l, m + 1)] : 0.0;
            }
        }
        for (int l = 0; l <= lmax; l++) {
            int l0 = yo + l * l + l;
            y[l0] = w[oq + tri(l, 0)];
            for (int m = 1; m <= l; m++) {
                double q = SQRT2 * w[oq + tri(l, m)];
                y[l0 + m] = q * w[oc + m];
                y[l0 - m] = q * w[os + m];
            }
        }
        if (dy == null) {
            return;
        }
        double invr = 1.0 / r;
        for (int l = 0; l <= lmax; l++) {
            int l0 = l * l + l;
            tangential(dy, dyo, l0, 0, 0, w[odq + tri(l, 0)], ux, uy, uz, invr);
            for (int m = 1; m <= l; m++) {
                double q = SQRT2 * w[oq + tri(l, m)];
                double dq = SQRT2 * w[odq + tri(l, m)];
                double cm1 = w[oc + m - 1], sm1 = w[os + m - 1];
                // d/dx (x+iy)^m = m (x+iy)^(m-1), d/dy = i m (x+iy)^(m-1)
                tangential(dy, dyo, l0 + m, q * m * cm1, -q * m * sm1, dq * w[oc + m], ux, uy, uz, invr);
                tangential(dy, dyo, l0 - m, q * m * sm1, q * m * cm1, dq * w[os + m], ux, uy, uz, invr);
            }
        }
    }

    /** Gradient of f(r/|r|) from the polynomial gradient g at u: (g - u (u.g)) / r. */
    private static void tangential(double[] dy, int o, int lm, double gx, double gy, double gz,
                                   double ux, double uy, double uz, double invr) {
        double ug = ux * gx + uy * gy + uz * gz;
        dy[o + 3 * lm] = (gx - ux * ug) * invr;
        dy[o + 3 * lm + 1] = (gy - uy * ug) * invr;
        dy[o + 3 * lm + 2] = (gz - uz * ug) * invr;
    }
}
