package org.burgers.simulation.dislocation.elastic;

import java.util.Arrays;
import org.burgers.core.InputException;

/**
 * A fourth-order elastic tensor {@code C_ijkl} (any consistent stress unit; GPa or eV/A^3), built from
 * the Voigt 6x6 matrix (index pairs 11,22,33,23,13,12 -> 0..5) and rotated into the dislocation frame.
 *
 * @param full the 81 components, index {@code ((i*3+j)*3+k)*3+l}
 */
public record ElasticTensor(double[] full) {

    private static final int[][] VOIGT = {{0, 5, 4}, {5, 1, 3}, {4, 3, 2}};

    public ElasticTensor {
        if (full.length != 81) {
            throw new IllegalArgumentException("an elastic tensor has 81 components, got " + full.length);
        }
        full = full.clone();
    }

    /** From the Voigt 6x6 matrix (row-major, 36 numbers); checks symmetry and positive definiteness. */
    public static ElasticTensor fromVoigt(double[] voigt) {
        if (voigt.length != 36) {
            throw new InputException("Voigt elastic matrix needs 36 numbers, got " + voigt.length);
        }
        double scale = 0;
        for (double v : voigt) {
            if (!Double.isFinite(v)) {
                throw new InputException("Voigt elastic matrix has a non-finite entry " + v);
            }
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < a; b++) {
                if (Math.abs(voigt[6 * a + b] - voigt[6 * b + a]) > 1e-8 * scale) {
                    throw new InputException("Voigt elastic matrix is not symmetric: C" + (a + 1) + (b + 1) + " = "
                            + voigt[6 * a + b] + " but C" + (b + 1) + (a + 1) + " = " + voigt[6 * b + a]);
                }
            }
        }
        if (!positiveDefinite(voigt)) {
            throw new InputException("Voigt elastic matrix is not positive definite (mechanically unstable crystal): "
                    + Arrays.toString(voigt));
        }
        double[] c = new double[81];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        c[idx(i, j, k, l)] = voigt[6 * VOIGT[i][j] + VOIGT[k][l]];
                    }
                }
            }
        }
        return new ElasticTensor(c);
    }

    /** Cubic crystal in its cube axes. */
    public static ElasticTensor cubic(double c11, double c12, double c44) {
        double[] v = new double[36];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                v[6 * a + b] = a == b ? c11 : c12;
            }
            v[6 * (a + 3) + a + 3] = c44;
        }
        return fromVoigt(v);
    }

    /** Isotropic solid from the shear modulus and Poisson's ratio. */
    public static ElasticTensor isotropic(double mu, double nu) {
        double lambda = 2 * mu * nu / (1 - 2 * nu);
        return cubic(lambda + 2 * mu, lambda, mu);
    }

    public static int idx(int i, int j, int k, int l) {
        return ((i * 3 + j) * 3 + k) * 3 + l;
    }

    public double get(int i, int j, int k, int l) {
        return full[idx(i, j, k, l)];
    }

    @Override
    public double[] full() {
        return full.clone();
    }

    /** The Voigt 6x6 matrix (row-major). */
    public double[] voigt() {
        double[] v = new double[36];
        int[][] pairs = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                v[6 * a + b] = get(pairs[a][0], pairs[a][1], pairs[b][0], pairs[b][1]);
            }
        }
        return v;
    }

    /**
     * The tensor in new axes: {@code rows} (row-major 3x3) holds the new axes as unit row vectors in the old
     * frame, so {@code C'_ijkl = R_ia R_jb R_kc R_ld C_abcd}. Rows are normalised here; they must be
     * orthogonal and right-handed.
     */
    public ElasticTensor rotated(double[] rows) {
        double[] r = orthonormalRows(rows);
        double[] tmp1 = new double[81];
        double[] tmp2 = new double[81];
        // four successive one-index transforms: O(4 * 3^5) instead of 3^8
        System.arraycopy(full, 0, tmp1, 0, 81);
        for (int pos = 0; pos < 4; pos++) {
            Arrays.fill(tmp2, 0);
            for (int n = 0; n < 81; n++) {
                int[] ix = {n / 27, (n / 9) % 3, (n / 3) % 3, n % 3};
                int old = ix[pos];
                for (int a = 0; a < 3; a++) {
                    ix[pos] = a;
                    int m = ((ix[0] * 3 + ix[1]) * 3 + ix[2]) * 3 + ix[3];
                    ix[pos] = old;
                    tmp2[n] += r[3 * old + a] * tmp1[m];
                }
            }
            double[] t = tmp1;
            tmp1 = tmp2;
            tmp2 = t;
        }
        return new ElasticTensor(tmp1);
    }

    /** Zener anisotropy ratio 2 C44 / (C11 - C12) of a cubic tensor in its cube axes. */
    public double zenerRatio() {
        return 2 * get(1, 2, 1, 2) / (get(0, 0, 0, 0) - get(0, 0, 1, 1));
    }

    static double[] orthonormalRows(double[] rows) {
        if (rows.length != 9) {
            throw new IllegalArgumentException("a frame needs 9 numbers");
        }
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            double n = Math.sqrt(rows[3 * i] * rows[3 * i] + rows[3 * i + 1] * rows[3 * i + 1]
                    + rows[3 * i + 2] * rows[3 * i + 2]);
            if (!(n > 0)) {
                throw new InputException("frame axis " + i + " is the zero vector");
            }
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = rows[3 * i + j] / n;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < i; j++) {
                double d = r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2];
                if (Math.abs(d) > 1e-10) {
                    throw new InputException("frame axes " + j + " and " + i + " are not orthogonal (cosine " + d + ")");
                }
            }
        }
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        if (det < 0) {
            throw new InputException("frame axes are left-handed");
        }
        return r;
    }

    private static boolean positiveDefinite(double[] v) {
        // Cholesky on a copy
        double[] a = v.clone();
        for (int j = 0; j < 6; j++) {
            double d = a[6 * j + j];
            for (int k = 0; k < j; k++) {
                d -= a[6 * j + k] * a[6 * j + k];
            }
            if (!(d > 0)) {
                return false;
            }
            d = Math.sqrt(d);
            a[6 * j + j] = d;
            for (int i = j + 1; i < 6; i++) {
                double s = a[6 * i + j];
                for (int k = 0; k < j; k++) {
                    s -= a[6 * i + k] * a[6 * j + k];
                }
                a[6 * i + j] = s / d;
            }
        }
        return true;
    }
}
