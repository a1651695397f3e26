package org.burgers.fitting.solve;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.CblasUpper;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotri;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas.cblas_dsymv;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LAPACK and BLAS calls that ND4J does not expose, made directly on the OpenBLAS that ND4J's native backend
 * loads (org.bytedeco presets): the inverse of a symmetric positive-definite matrix from its Cholesky factor
 * (dpotrf + dpotri), which ARD needs in every iteration for the diagonal of its posterior covariance, and
 * the rank-k update G += A^T A on one triangle (DSYRK) that builds the normal equations of a large loss chunk
 * by chunk ({@link org.burgers.fitting.loss.LossAssembler#normalEquations}).
 * Blocked and threaded, it makes an ARD iteration on 684 unknowns 7.9x faster than EJML's row-major Cholesky
 * and inverse (FittingBenchmark, docs/fitting.md). The inverse works on row-major {@code double[]} (lower
 * triangle), the update on column-major ND4J arrays (upper triangle).
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

    /**
     * G += A^T A on the upper triangle only (DSYRK: half the flops of the DGEMM that forms all of G). {@code a}
     * is a column-major ('f') double rows x n array, {@code g} a column-major n x n one; the strictly lower
     * triangle of {@code g} is left untouched ({@link #mirrorUpper} fills it once all updates are in).
     */
    public static void syrkUpdate(INDArray a, INDArray g) {
        long rows = a.rows();
        long n = a.columns();
        if (a.ordering() != 'f' || g.ordering() != 'f' || a.dataType() != DataType.DOUBLE
                || g.dataType() != DataType.DOUBLE || g.rows() != n || g.columns() != n || a.isView() || g.isView()) {
            throw new IllegalArgumentException("syrkUpdate: needs a dense column-major double A (rows x n) and G (n x n)");
        }
        if (rows == 0) {
            return;
        }
        DoublePointer pa = new DoublePointer(a.data().addressPointer());
        DoublePointer pg = new DoublePointer(g.data().addressPointer());
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int) n, (int) rows, 1.0, pa, (int) rows, 1.0, pg, (int) n);
    }

    /** Copies the upper triangle of the column-major n x n {@code g} onto its lower triangle. */
    public static void mirrorUpper(double[] g, int n) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                g[i * n + j] = g[j * n + i];
            }
        }
    }
}
