package org.burgers.fitting.solve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Bayesian ridge regression: Gaussian likelihood with noise precision alpha, isotropic Gaussian prior with
 * precision lambda on the (column-scaled) coefficients, both chosen by maximising the evidence with MacKay's
 * fixed-point updates (MacKay 1992; Bishop, PRML section 3.5; the scheme of scikit-learn's BayesianRidge):
 *
 * <pre>
 *   c      = (lambda I + alpha G)^-1 alpha h            posterior mean
 *   gamma  = sum_i alpha e_i / (lambda + alpha e_i)     effective number of parameters, e_i eigenvalues of G
 *   lambda = (gamma + 2 l1) / (|c|^2 + 2 l2)
 *   alpha  = (m - gamma + 2 a1) / (|A c - b|^2 + 2 a2)
 * </pre>
 *
 * with weak Gamma hyper-priors a1 = a2 = l1 = l2 = 1e-6. One eigendecomposition of G makes every iteration O(n).
 * Eigen-directions of G below its rounding level get no coefficient (they hold no information; see solve).
 */
public final class BayesianRidgeSolver implements NormalEquationSolver {
    static final double HYPER = 1e-6;
    private final boolean scaleColumns;
    private final int maxIterations;
    private final double tolerance;

    public BayesianRidgeSolver(boolean scaleColumns, int maxIterations, double tolerance) {
        this.scaleColumns = scaleColumns;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    public BayesianRidgeSolver() {
        this(true, 1000, 1e-10);
    }

    @Override
    public String name() {
        return "blr";
    }

    @Override
    public Solution solve(NormalEquations raw) {
        int n = raw.n();
        int m = raw.m();
        double[] scale = scaleColumns ? raw.rmsScales() : ones(n);
        NormalEquations ne = scaleColumns ? raw.scaled(scale) : raw;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(ne.gram().copy())) {
            throw new ArithmeticException("blr solver: eigendecomposition of A^T A did not converge");
        }
        double[] e = new double[n];
        double[][] vecs = new double[n][];
        double[] vh = new double[n];
        double eMax = 0;
        for (int k = 0; k < n; k++) {
            e[k] = eig.getEigenvalue(k).real;
            eMax = Math.max(eMax, e[k]);
        }
        // Eigenvalues of G below its rounding level (n eps e_max) are noise, and so is h along their eigenvectors:
        // in exact arithmetic |v.h| <= sqrt(e bb). Trusting them lets the evidence drive lambda to zero while the
        // coefficients along those directions grow without bound (the W fit at pair degree 150 overflowed to NaN
        // after 135 iterations). They carry no information: no coefficient, as in a truncated SVD solve.
        double floor = n * Math.ulp(1.0) * eMax;
        int dropped = 0;
        for (int k = 0; k < n; k++) {
            vecs[k] = eig.getEigenVector(k).data;
            if (!(e[k] > floor)) {
                e[k] = 0;
                vh[k] = 0;
                dropped++;
                continue;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += vecs[k][i] * ne.h()[i];
            }
            vh[k] = s;
        }
        double alpha = 1.0 / Math.max(ne.bb() / m, Double.MIN_NORMAL);
        double lambda = 1.0;
        double gamma = 0;
        double[] ce = new double[n];
        List<String> warnings = new ArrayList<>();
        int it = 0;
        boolean converged = false;
        for (; it < maxIterations && !converged; it++) {
            double cc = 0;
            double ch = 0;
            double cgc = 0;
            gamma = 0;
            for (int k = 0; k < n; k++) {
                double d = lambda + alpha * e[k];
                ce[k] = alpha * vh[k] / d;
                cc += ce[k] * ce[k];
                ch += ce[k] * vh[k];
                cgc += e[k] * ce[k] * ce[k];
                gamma += alpha * e[k] / d;
            }
            // floor: in a near-exact fit bb - 2 c.h + c.G.c is lost to rounding
            double rss = Math.max(ne.bb() - 2 * ch + cgc, 1e-300 + ne.bb() * 1e-16 * 1e-16);
            double newLambda = (gamma + 2 * HYPER) / (cc + 2 * HYPER);
            double newAlpha = (m - gamma + 2 * HYPER) / (rss + 2 * HYPER);
            converged = Math.abs(Math.log(newLambda / lambda)) + Math.abs(Math.log(newAlpha / alpha)) < tolerance;
            lambda = newLambda;
            alpha = newAlpha;
        }
        if (!converged) {
            warnings.add("blr: evidence maximisation did not converge in " + maxIterations + " iterations");
        }
        if (dropped > 0) {
            warnings.add("blr: " + dropped + " of " + n + " eigenvalues of A^T A below its rounding level ("
                    + String.format(java.util.Locale.ROOT, "%.3g", floor) + "; nearly collinear basis functions): "
                    + "no coefficient along them");
        }
        double[] x = new double[n];
        gamma = 0;
        for (int k = 0; k < n; k++) {
            double d = lambda + alpha * e[k];
            ce[k] = alpha * vh[k] / d;
            gamma += alpha * e[k] / d;
            for (int i = 0; i < n; i++) {
                x[i] += vecs[k][i] * ce[k];
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] /= scale[i];
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("alpha", alpha);
        diag.put("lambda", lambda);
        diag.put("effectiveParameters", gamma);
        diag.put("iterations", it);
        diag.put("droppedDirections", dropped);
        diag.put("scaledColumns", scaleColumns);
        return new Solution(name(), x, warnings, diag);
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
