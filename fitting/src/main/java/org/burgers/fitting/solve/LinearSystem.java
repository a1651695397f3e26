package org.burgers.fitting.solve;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A weighted least-squares problem min_x |A x - b|^2, rows already multiplied by the square roots of their
 * weights (4.16). The design matrix lives once, off-heap, column-major ('f'), so that BLAS and LAPACK use it
 * without copies; a solver that factorises it in place says so ({@link QrSolver}). Its off-heap memory is
 * given back by {@link #close} (or when the garbage collector finds the arrays, which for a design that lived
 * through a minutes-long fit can be never: the old generation of a large heap is rarely collected, and a
 * study's designs of several GB each then add up until the machine runs out of memory).
 *
 * @param design A, rows x cols, 'f' order
 * @param target b, rows x 1
 * @param columnDegrees polynomial degree of each column's basis function, for a smoothness prior; or null
 */
public record LinearSystem(INDArray design, INDArray target, double[] columnDegrees) implements AutoCloseable {

    public LinearSystem {
        if (design.rank() != 2 || target.rows() != design.rows() || target.columns() != 1) {
            throw new IllegalArgumentException("design " + java.util.Arrays.toString(design.shape()) + " and target "
                    + java.util.Arrays.toString(target.shape()) + " do not make a least-squares system");
        }
        if (columnDegrees != null && columnDegrees.length != design.columns()) {
            throw new IllegalArgumentException("columnDegrees has " + columnDegrees.length + " entries for "
                    + design.columns() + " columns");
        }
    }

    /** From row-major Java arrays (tests and small problems). */
    public static LinearSystem of(double[] rowMajor, int rows, int cols, double[] b) {
        INDArray a = Nd4jBlas.zeros(rows, cols);
        double[] colMajor = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                colMajor[j * rows + i] = rowMajor[i * cols + j];
            }
        }
        a.data().setData(colMajor);
        INDArray t = Nd4jBlas.zeros(rows, 1);
        t.data().setData(b.clone());
        return new LinearSystem(a, t, null);
    }

    public int rows() {
        return (int) design.rows();
    }

    public int cols() {
        return (int) design.columns();
    }

    public LinearSystem withColumnDegrees(double[] degrees) {
        return new LinearSystem(design, target, degrees);
    }

    /** An independent copy (the design is duplicated: only for callers that need A after an in-place solve). */
    public LinearSystem copy() {
        return new LinearSystem(design.dup('f'), target.dup('f'), columnDegrees);
    }

    /** The normal equations A^T A, A^T b, b^T b by DGEMM. */
    public NormalEquations normalEquations() {
        double[] g;
        double[] h;
        try (INDArray gram = Nd4jBlas.gram(design); INDArray atb = Nd4jBlas.transposeTimes(design, target)) {
            g = gram.data().asDouble();
            h = atb.data().asDouble();
        }
        double bb = target.norm2Number().doubleValue();
        return new NormalEquations(cols(), rows(), g, h, bb * bb);
    }

    /**
     * Frees the off-heap design and target now. They are shared with the systems made from this one by
     * {@link #withColumnDegrees}; none of them may be used afterwards. Closing twice does nothing.
     */
    @Override
    public void close() {
        Nd4jBlas.release(design);
        Nd4jBlas.release(target);
    }
}
