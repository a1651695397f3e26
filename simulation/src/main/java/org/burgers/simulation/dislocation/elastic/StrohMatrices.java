package org.burgers.simulation.dislocation.elastic;

/**
 * The angular Stroh blocks in the plane normal to the line ({@code z}): for {@code m(w) = (cos w, sin w, 0)},
 * {@code n(w) = (-sin w, cos w, 0)}, {@code Q = (mm)}, {@code R = (mn)}, {@code T = (nn)} with
 * {@code (ab)_ik = a_j C_ijkl b_l}, and the 6x6 {@code N(w) = [[N1, N2], [N3, N1^T]]}, {@code N1 = -T^-1 R^T},
 * {@code N2 = T^-1}, {@code N3 = R T^-1 R^T - Q} (Ting 1996, ch. 5 and 7). Holds scratch: one per thread.
 */
final class StrohMatrices {
    // in-plane parts of C: c11[i][k] = C_i1k1 etc. (flat 3x3)
    private final double[] c11 = new double[9];
    private final double[] c12 = new double[9];
    private final double[] c21 = new double[9];
    private final double[] c22 = new double[9];
    final double[] q = new double[9];
    final double[] r = new double[9];
    final double[] t = new double[9];
    final double[] tinv = new double[9];

    StrohMatrices(ElasticTensor c) {
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                c11[3 * i + k] = c.get(i, 0, k, 0);
                c12[3 * i + k] = c.get(i, 0, k, 1);
                c21[3 * i + k] = c.get(i, 1, k, 0);
                c22[3 * i + k] = c.get(i, 1, k, 1);
            }
        }
    }

    /** Fills q, r, t, tinv for the angle w. */
    void at(double w) {
        double c = Math.cos(w);
        double s = Math.sin(w);
        double cc = c * c;
        double ss = s * s;
        double cs = c * s;
        for (int p = 0; p < 9; p++) {
            q[p] = cc * c11[p] + cs * (c12[p] + c21[p]) + ss * c22[p];
            r[p] = -cs * c11[p] + cc * c12[p] - ss * c21[p] + cs * c22[p];
            t[p] = ss * c11[p] - cs * (c12[p] + c21[p]) + cc * c22[p];
        }
        invert3(t, tinv);
    }

    /** Full 6x6 N at the angle w (row-major, 36 numbers). */
    void n(double w, double[] out) {
        at(w);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                double n1 = 0;
                for (int j = 0; j < 3; j++) {
                    n1 -= tinv[3 * i + j] * r[3 * k + j];   // -T^-1 R^T
                }
                out[6 * i + k] = n1;
                out[6 * (k + 3) + i + 3] = n1;                // N1^T block
                out[6 * i + k + 3] = tinv[3 * i + k];
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                double n3 = -q[3 * i + k];
                for (int j = 0; j < 3; j++) {
                    for (int l = 0; l < 3; l++) {
                        n3 += r[3 * i + j] * tinv[3 * j + l] * r[3 * k + l];
                    }
                }
                out[6 * (i + 3) + k] = n3;
            }
        }
    }

    /** N(w) applied to (b, 0): out[0..2] = N1 b = -T^-1 R^T b, out[3..5] = N3 b = R T^-1 R^T b - Q b. */
    void nTimesB(double w, double b0, double b1, double b2, double[] out) {
        at(w);
        double v0 = r[0] * b0 + r[3] * b1 + r[6] * b2;   // R^T b
        double v1 = r[1] * b0 + r[4] * b1 + r[7] * b2;
        double v2 = r[2] * b0 + r[5] * b1 + r[8] * b2;
        double w0 = tinv[0] * v0 + tinv[1] * v1 + tinv[2] * v2;
        double w1 = tinv[3] * v0 + tinv[4] * v1 + tinv[5] * v2;
        double w2 = tinv[6] * v0 + tinv[7] * v1 + tinv[8] * v2;
        out[0] = -w0;
        out[1] = -w1;
        out[2] = -w2;
        for (int i = 0; i < 3; i++) {
            out[3 + i] = r[3 * i] * w0 + r[3 * i + 1] * w1 + r[3 * i + 2] * w2
                    - (q[3 * i] * b0 + q[3 * i + 1] * b1 + q[3 * i + 2] * b2);
        }
    }

    static void invert3(double[] a, double[] out) {
        double c00 = a[4] * a[8] - a[5] * a[7];
        double c01 = a[5] * a[6] - a[3] * a[8];
        double c02 = a[3] * a[7] - a[4] * a[6];
        double det = a[0] * c00 + a[1] * c01 + a[2] * c02;
        double id = 1 / det;
        out[0] = c00 * id;
        out[1] = (a[2] * a[7] - a[1] * a[8]) * id;
        out[2] = (a[1] * a[5] - a[2] * a[4]) * id;
        out[3] = c01 * id;
        out[4] = (a[0] * a[8] - a[2] * a[6]) * id;
        out[5] = (a[2] * a[3] - a[0] * a[5]) * id;
        out[6] = c02 * id;
        out[7] = (a[1] * a[6] - a[0] * a[7]) * id;
        out[8] = (a[0] * a[4] - a[1] * a[3]) * id;
    }
}
