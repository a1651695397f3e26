package org.burgers.core.elasticity;

/**
 * Second and third derivatives of W at F = I from central differences of the analytic stress P = d_F W,
 * each Richardson-extrapolated from steps h and h/2 so that the leading O(h^2) error cancels and O(h^4)
 * remains (Richardson 1911). With h2 = 2e-3 the second derivative is accurate to ~1e-9 relative and with
 * h3 = 1e-2 the third to ~1e-7 for smooth potentials (measured in CauchyBornTest against closed forms);
 * round-off grows as eps/h resp. eps/h^2, which these steps keep below 1e-10.
 *
 * <p>Layouts (I = 3a+b, J = 3c+d, K = 3e+f index F_ab, F_cd, F_ef; k the density):
 * {@code d2[(9 * I + J) * m + k]}, {@code d3[(81 * I + 9 * J + K) * m + k]}.
 */
final class StressDifferences {
    static final double H2 = 2e-3;
    static final double H3 = 1e-2;

    private StressDifferences() {
    }

    static double[] plus(double[] base, int j, double hj, int k, double hk) {
        double[] f = base.clone();
        f[j] += hj;
        f[k] += hk;
        return f;
    }

    static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    /** d_F^2 W(I) from central differences of P. */
    static double[] second(StressMap p, int m) {
        return second(p, m, IDENTITY);
    }

    /** d_F^3 W(I) from second central differences of P (mixed ones for J != K). */
    static double[] third(StressMap p, int m) {
        return third(p, m, IDENTITY);
    }

    /**
     * The Hessian at z0 of densities of D = z0.length variables from central differences of their gradient
     * g(z) (D x m values, layout {@code [i * m + k]}): layout {@code [(D * i + j) * m + k]}.
     */
    static double[] second(StressMap p, int m, double[] z0) {
        int dim = z0.length;
        double[] d2 = new double[dim * dim * m];
        for (int j = 0; j < dim; j++) {
            double[] coarse = centralFirst(p, z0, j, H2, m);
            double[] fine = centralFirst(p, z0, j, H2 / 2, m);
            for (int i = 0; i < dim; i++) {
                for (int k = 0; k < m; k++) {
                    d2[(dim * i + j) * m + k] = (4 * fine[i * m + k] - coarse[i * m + k]) / 3;   // Richardson
                }
            }
        }
        return d2;
    }

    private static double[] centralFirst(StressMap p, double[] z0, int j, double h, int m) {
        double[] a = p.at(plus(z0, j, h, j, 0));
        double[] b = p.at(plus(z0, j, -h, j, 0));
        double[] d = new double[z0.length * m];
        for (int q = 0; q < d.length; q++) {
            d[q] = (a[q] - b[q]) / (2 * h);
        }
        return d;
    }

    /** Third derivatives at z0 from second central differences of the gradient: {@code [((D * i + j) * D + l) * m + k]}. */
    static double[] third(StressMap p, int m, double[] z0) {
        int dim = z0.length;
        double[] d3 = new double[dim * dim * dim * m];
        double[] p0 = p.at(z0.clone());
        for (int j = 0; j < dim; j++) {
            for (int kk = j; kk < dim; kk++) {
                double[] coarse = secondDifference(p, z0, p0, j, kk, H3, m);
                double[] fine = secondDifference(p, z0, p0, j, kk, H3 / 2, m);
                for (int i = 0; i < dim; i++) {
                    for (int k = 0; k < m; k++) {
                        double v = (4 * fine[i * m + k] - coarse[i * m + k]) / 3;   // Richardson
                        d3[((dim * i + j) * dim + kk) * m + k] = v;
                        d3[((dim * i + kk) * dim + j) * m + k] = v;
                    }
                }
            }
        }
        return d3;
    }

    private static double[] secondDifference(StressMap p, double[] z0, double[] p0, int j, int k, double h, int m) {
        double[] d = new double[z0.length * m];
        if (j == k) {
            double[] a = p.at(plus(z0, j, h, j, 0));
            double[] b = p.at(plus(z0, j, -h, j, 0));
            for (int q = 0; q < d.length; q++) {
                d[q] = (a[q] - 2 * p0[q] + b[q]) / (h * h);
            }
        } else {
            double[] pp = p.at(plus(z0, j, h, k, h));
            double[] pm = p.at(plus(z0, j, h, k, -h));
            double[] mp = p.at(plus(z0, j, -h, k, h));
            double[] mm = p.at(plus(z0, j, -h, k, -h));
            for (int q = 0; q < d.length; q++) {
                d[q] = (pp[q] - pm[q] - mp[q] + mm[q]) / (4 * h * h);
            }
        }
        return d;
    }

    /** P = -(1/V0) W^T F^-T from the virial W = sum_i r_i (x) f_i of the deformed cell (DESIGN.md s.3). */
    static void piolaFromVirial(double[] w, int wStride, int wOffset, double[] f, double v0, double[] out,
                                int outStride, int outOffset) {
        double[] fi = inverse(f);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double s = 0;
                for (int c = 0; c < 3; c++) {
                    s += w[(3 * c + a) * wStride + wOffset] * fi[3 * b + c];
                }
                out[(3 * a + b) * outStride + outOffset] = -s / v0;
            }
        }
    }

    static double[] inverse(double[] a) {
        double d = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
        if (!(Math.abs(d) > 1e-12)) {
            throw new IllegalArgumentException("deformation gradient is singular (det " + d + ")");
        }
        return new double[] {
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }
}
