package org.burgers.fitting.solve;

import org.ejml.data.DMatrixRMaj;

/**
 * The normal equations of a least-squares problem: G = A^T A (n x n, symmetric, so row- and column-major
 * agree), h = A^T b, bb = b^T b and the number of rows m. Enough for ridge, Bayesian ridge and ARD, whose
 * cost is then independent of m.
 */
public record NormalEquations(int n, int m, double[] g, double[] h, double bb) {

    public DMatrixRMaj gram() {
        return new DMatrixRMaj(n, n, true, g);
    }

    public double get(int i, int j) {
        return g[i * n + j];
    }

    /** Residual sum of squares |A x - b|^2 = bb - 2 x.h + x.G x (loses digits when the fit is near-exact). */
    public double residual(double[] x) {
        double xh = 0;
        double xgx = 0;
        for (int i = 0; i < n; i++) {
            xh += x[i] * h[i];
            double gi = 0;
            for (int j = 0; j < n; j++) {
                gi += g[i * n + j] * x[j];
            }
            xgx += x[i] * gi;
        }
        return bb - 2 * xh + xgx;
    }

    /**
     * Column scales s_j with the scaled columns A_j / s_j of unit root-mean-square (zero columns keep scale 1),
     * so that priors and thresholds mean the same whatever the units of each basis function.
     */
    public double[] rmsScales() {
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            double d = Math.sqrt(g[j * n + j] / m);
            s[j] = d > 0 ? d : 1;
        }
        return s;
    }

    /** The same equations for the columns divided by {@code scales}. */
    public NormalEquations scaled(double[] scales) {
        double[] gs = new double[n * n];
        double[] hs = new double[n];
        for (int i = 0; i < n; i++) {
            hs[i] = h[i] / scales[i];
            for (int j = 0; j < n; j++) {
                gs[i * n + j] = g[i * n + j] / (scales[i] * scales[j]);
            }
        }
        return new NormalEquations(n, m, gs, hs, bb);
    }
}
