package org.burgers.core.elasticity;

/**
 * Voigt forms of the Cauchy-Born tensors (order xx, yy, zz, yz, xz, xy). The Voigt constants are the
 * derivatives with respect to a symmetric infinitesimal strain F = I + eps, i.e. d2 resp. d3 averaged over
 * the minor index swaps (ab <-> ba). At zero stress d2 has the minor symmetries itself and the 6x6 matrix is
 * C_IJ = (1/V0) d^2E/d eps_I d eps_J (DESIGN.md s.3); under a stress sigma, d2_abcd = C_abcd + delta_ac sigma_bd.
 * The 6x6x6 form is the third derivative with respect to the same infinitesimal strain, which differs from
 * the Brugger constants (defined with the Lagrangian strain) by terms in the second-order constants.
 */
public final class Voigt {
    /** 1 eV/A^3 in GPa. */
    public static final double GPA_PER_EV_A3 = 160.21766208;
    private static final int[][] PAIRS = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    private Voigt() {
    }

    /** The (a, b) Cartesian index pair of Voigt index v. */
    public static int[] pair(int v) {
        return PAIRS[v].clone();
    }

    /** 6x6 from the 81-component d2 (same units). */
    public static double[][] second(double[] d2) {
        double[][] c = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double s = 0;
                for (int x = 0; x < 2; x++) {
                    for (int y = 0; y < 2; y++) {
                        s += d2[9 * idx(i, x) + idx(j, y)];
                    }
                }
                c[i][j] = s / 4;
            }
        }
        return c;
    }

    /** 6x6x6 from the 729-component d3 (same units). */
    public static double[][][] third(double[] d3) {
        double[][][] c = new double[6][6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    double s = 0;
                    for (int x = 0; x < 2; x++) {
                        for (int y = 0; y < 2; y++) {
                            for (int z = 0; z < 2; z++) {
                                s += d3[81 * idx(i, x) + 9 * idx(j, y) + idx(k, z)];
                            }
                        }
                    }
                    c[i][j][k] = s / 8;
                }
            }
        }
        return c;
    }

    /** Flat index 3a+b of Voigt v, in the original (swap = 0) or swapped (swap = 1) order. */
    private static int idx(int v, int swap) {
        int a = PAIRS[v][swap], b = PAIRS[v][1 - swap];
        return 3 * a + b;
    }

    public static double[][] scale(double[][] c, double factor) {
        double[][] r = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            r[i] = c[i].clone();
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] *= factor;
            }
        }
        return r;
    }

    public static double[][][] scale(double[][][] c, double factor) {
        double[][][] r = new double[c.length][][];
        for (int i = 0; i < c.length; i++) {
            r[i] = scale(c[i], factor);
        }
        return r;
    }
}
