package org.burgers.fitting.solve;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The heavy dense linear algebra of fitting, through ND4J's native backend (OpenBLAS / LAPACK from
 * org.bytedeco). Everything here works on column-major ('f') double matrices, which BLAS and LAPACK use
 * without a transposing copy.
 */
public final class Nd4jBlas {
    private Nd4jBlas() {
    }

    /** A zero-filled column-major double matrix (off-heap). */
    public static INDArray zeros(long rows, long cols) {
        return Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'f');
    }

    /** G = A^T A (cols x cols), one DGEMM with the transpose flag: no copy of A. */
    public static INDArray gram(INDArray a) {
        long n = a.columns();
        INDArray g = Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'f');
        Nd4j.gemm(a, a, g, true, false, 1.0, 0.0);
        return g;
    }

    /** A^T b for a column vector b (rows x 1). */
    public static INDArray transposeTimes(INDArray a, INDArray b) {
        INDArray out = Nd4j.create(DataType.DOUBLE, new long[] {a.columns(), b.columns()}, 'f');
        Nd4j.gemm(a, b, out, true, false, 1.0, 0.0);
        return out;
    }

    /** Frees the off-heap buffer of {@code m} now, unless it is a view or already freed. */
    public static void release(INDArray m) {
        if (m != null && !m.wasClosed() && m.closeable()) {
            m.close();
        }
    }

    /** Copy a column-major matrix to a row-major Java array. */
    public static double[] toRowMajor(INDArray m) {
        int r = (int) m.rows();
        int c = (int) m.columns();
        double[] out = new double[r * c];
        double[] colMajor = m.dup('f').data().asDouble();
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                out[i * c + j] = colMajor[j * r + i];
            }
        }
        return out;
    }

    /**
     * Measures DGEMM throughput on an n x n product (GFLOP/s, 2 n^3 flops), best of {@code repeats}, after
     * one warm-up; the reference rate that assembly/normal-equation timings are compared with.
     */
    public static double dgemmGflops(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 'f', n, n);
        INDArray b = Nd4j.rand(DataType.DOUBLE, 'f', n, n);
        INDArray c = Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'f');
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return 2.0 * n * (double) n * n / best / 1e9;
    }

    /** Rate (GFLOP/s, 2 m n^2 flops) of the normal-equation product A^T A for an m x n matrix, best of repeats. */
    public static double gramGflops(INDArray a, int repeats) {
        double best = Double.MAX_VALUE;
        gram(a);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            gram(a);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return 2.0 * a.rows() * (double) a.columns() * a.columns() / best / 1e9;
    }

    /** Name of the loaded backend, e.g. CpuBackend; throws if the native library does not load. */
    public static String backend() {
        return Nd4j.getBackend().getClass().getSimpleName() + " blas=" + Nd4j.getBlasWrapper().getClass().getSimpleName();
    }
}
