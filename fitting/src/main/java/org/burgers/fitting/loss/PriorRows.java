package org.burgers.fitting.loss;

import org.burgers.core.InputException;

/**
 * Rows of a Gaussian prior written as pseudo-observations with target zero: the loss gains
 * {@code weight |R c|^2}. Any solver sees them as data, so the prior works with QR, ridge, BLR and ARD alike.
 * Used for the curvature prior of a pair basis ({@code AceBasis.pairCurvatureRows}), which keeps a high-degree
 * pair polynomial from oscillating where the training data have no bonds.
 *
 * @param values row-major (rows x cols) matrix R
 */
public record PriorRows(String name, int rows, int cols, double[] values, double weight) {
    public PriorRows {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new InputException("prior " + name + ": weight must be >= 0 and finite, got " + weight);
        }
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException("prior " + name + ": " + values.length + " values for " + rows + " x " + cols);
        }
    }

    /** |R c|^2 (without the weight). */
    public double penalty(double[] c) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            double v = 0;
            for (int k = 0; k < cols; k++) {
                v += values[r * cols + k] * c[k];
            }
            s += v * v;
        }
        return s;
    }
}
