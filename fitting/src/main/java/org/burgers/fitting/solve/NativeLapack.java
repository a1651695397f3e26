package org.burgers.fitting.solve;

import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotri;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_dsymv;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * LAPACK and BLAS calls that ND4J does not expose, made directly on the OpenBLAS that ND4J's native backend
 * loads (org.bytedeco presets): the inverse of a symmetric positive-definite matrix from its Cholesky factor
 * (dpotrf + dpotri), which ARD needs in every iteration for the diagonal of its posterior covariance.
 * Blocked and threaded, it makes an ARD iteration on 684 unknowns 7.9x faster than EJML's row-major Cholesky
 * and inverse (FittingBenchmark, docs/fitting.md). Matrices are row-major {@code double[]}; only the lower
 * triangle is read and written.
 */
public final class NativeLapack {
    static {
        Loader.load(openblas.class);
    }

    private NativeLapack() {
    }

    /**
     * Replaces the lower triangle of the symmetric positive-definite {@code a} (n x n, row-major) by that of
     * its inverse. Returns false, with {@code a} holding a partial factor, if the Cholesky factorisation finds
     * a non-positive pivot (not positive definite to working precision).
     */
    public static boolean invertSpd(double[] a, int n) {
        if (a.length < (long) n * n) {
            throw new IllegalArgumentException("invertSpd: " + a.length + " values for a " + n + " x " + n + " matrix");
        }
        int info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, (byte) 'L', n, a, n);
        if (info > 0) {
            return false;
        }
        if (info < 0) {
            throw new IllegalStateException("dpotrf: argument " + (-info) + " illegal");
        }
        info = LAPACKE_dpotri(LAPACK_ROW_MAJOR, (byte) 'L', n, a, n);
        if (info > 0) {
            return false;
        }
        if (info < 0) {
            throw new IllegalStateException("dpotri: argument " + (-info) + " illegal");
        }
        return true;
    }

    /** y = S x for the symmetric S (n x n, row-major) given by its lower triangle. */
    public static void symv(double[] s, int n, double[] x, double[] y) {
        cblas_dsymv(CblasRowMajor, CblasLower, n, 1.0, s, n, x, 1, 0.0, y, 1);
    }
}
