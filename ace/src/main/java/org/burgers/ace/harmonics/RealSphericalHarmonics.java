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
    private final double[] diag;   // Qbar_m^m (times sqrt 2 for m > 0)
    private final double[] sub;    // sqrt(2m + 3): Qbar_(m+1)^m = sub z Qbar_m^m

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
        sub = new double[lmax + 1];
        // Qbar_m^m; for m > 0 the factor sqrt(2) of the real harmonics is folded in (the recursions are linear)
        double d = Math.sqrt(1.0 / (4 * Math.PI));
        diag[0] = d;
        for (int m = 1; m <= lmax; m++) {
            d *= Math.sqrt((2.0 * m + 1) / (2.0 * m));
            diag[m] = SQRT2 * d;
        }
        for (int m = 0; m <= lmax; m++) {
            sub[m] = Math.sqrt(2.0 * m + 3);
        }
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m <= l; m++) {
                int k = tri(l, m);
                if (l >= m + 2) {
                    a[k] = Math.sqrt((4.0 * l * l - 1) / ((double) l * l - (double) m * m));
                    b[k] = Math.sqrt(((l - 1.0) * (l - 1.0) - (double) m * m) / (4.0 * (l - 1.0) * (l - 1.0) - 1));
                }
                // d Qbar_l^m / dz = sqrt((l - m)(l + m + 1)) Qbar_l^(m+1); undo the folded sqrt(2) when m = 0
                dfac[k] = Math.sqrt((double) (l - m) * (l + m + 1)) / (m == 0 ? SQRT2 : 1.0);
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
        compute(rx / r, ry / r, rz / r, y, yo, dy, dyo, scratch, true, 1.0 / r);
    }

    /**
     * Values and the gradients of the polynomial extension at the unit vector u, not projected and not divided
     * by r: the true gradient of any combination sum_lm t_lm Y_lm is {@code (P - u (u.P)) / r} with
     * {@code P = sum_lm t_lm dy_lm}, so a caller that contracts first projects once instead of per (l, m).
     */
    public void evaluateRaw(double ux, double uy, double uz, double[] y, int yo, double[] dy, int dyo,
                            double[] scratch) {
        compute(ux, uy, uz, y, yo, dy, dyo, scratch, false, 1.0);
    }

    private void compute(double ux, double uy, double uz, double[] y, int yo, double[] dy, int dyo,
                         double[] w, boolean project, double invr) {
        int nt = (lmax + 1) * (lmax + 2) / 2;
        // scratch layout: Q [nt] | dQ/dz [nt] | C [lmax+1] | S [lmax+1]
        final int odq = nt, oc = 2 * nt, os = 2 * nt + lmax + 1;
        w[oc] = 1;
        w[os] = 0;
        for (int m = 1; m <= lmax; m++) {
            // Re and Im of (x + i y)^m
            w[oc + m] = ux * w[oc + m - 1] - uy * w[os + m - 1];
            w[os + m] = ux * w[os + m - 1] + uy * w[oc + m - 1];
        }
        for (int m = 0; m <= lmax; m++) {
            int k0 = tri(m, m);
            w[k0] = diag[m];
            if (m + 1 <= lmax) {
                int k1 = k0 + m + 1;   // tri(m + 1, m)
                w[k1] = sub[m] * uz * diag[m];
                int km2 = k0, km1 = k1;
                for (int l = m + 2; l <= lmax; l++) {
                    int k = km1 + l;    // tri(l, m) = tri(l - 1, m) + l
                    w[k] = a[k] * (uz * w[km1] - b[k] * w[km2]);
                    km2 = km1;
                    km1 = k;
                }
            }
        }
        for (int l = 0; l <= lmax; l++) {
            int l0 = yo + l * l + l, t = tri(l, 0);
            y[l0] = w[t];
            for (int m = 1; m <= l; m++) {
                double q = w[t + m];
                y[l0 + m] = q * w[oc + m];
                y[l0 - m] = q * w[os + m];
            }
        }
        if (dy == null) {
            return;
        }
        for (int l = 0; l <= lmax; l++) {
            int t = tri(l, 0);
            for (int m = 0; m < l; m++) {
                w[odq + t + m] = dfac[t + m] * w[t + m + 1];
            }
            w[odq + t + l] = 0.0;
        }
        for (int l = 0; l <= lmax; l++) {
            int l0 = l * l + l, t = tri(l, 0);
            grad(dy, dyo, l0, 0, 0, w[odq + t], ux, uy, uz, invr, project);
            for (int m = 1; m <= l; m++) {
                double q = w[t + m];
                double dq = w[odq + t + m];
                double cm1 = w[oc + m - 1], sm1 = w[os + m - 1];
                // d/dx (x+iy)^m = m (x+iy)^(m-1), d/dy = i m (x+iy)^(m-1)
                grad(dy, dyo, l0 + m, q * m * cm1, -q * m * sm1, dq * w[oc + m], ux, uy, uz, invr, project);
                grad(dy, dyo, l0 - m, q * m * sm1, q * m * cm1, dq * w[os + m], ux, uy, uz, invr, project);
            }
        }
    }

    private static void grad(double[] dy, int o, int lm, double gx, double gy, double gz,
                             double ux, double uy, double uz, double invr, boolean project) {
        if (project) {
            tangential(dy, o, lm, gx, gy, gz, ux, uy, uz, invr);
        } else {
            dy[o + 3 * lm] = gx;
            dy[o + 3 * lm + 1] = gy;
            dy[o + 3 * lm + 2] = gz;
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
