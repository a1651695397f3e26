package org.burgers.fitting.solve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.burgers.core.InputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Automatic relevance determination, the solver of the paper (section 4.1.2, ref. [36]): Gaussian likelihood
 * with noise precision alpha and an independent Gaussian prior with precision lambda_k on each (column-scaled)
 * coefficient, hyperparameters by evidence maximisation with MacKay's updates (MacKay 1992; Tipping 2001; the
 * iteration of scikit-learn's ARDRegression):
 *
 * <pre>
 *   Sigma    = (diag(lambda) + alpha G)^-1,  c = alpha Sigma h      over the retained coefficients
 *   gamma_k  = 1 - lambda_k Sigma_kk
 *   lambda_k = (gamma_k + 2 l1) / (c_k^2 + 2 l2)
 *   alpha    = (m - sum gamma + 2 a1) / (|A c - b|^2 + 2 a2)
 * </pre>
 *
 * A coefficient whose precision exceeds {@code thresholdLambda} is pruned (set to zero and dropped from later
 * iterations). Columns are scaled to unit root-mean-square first so that the threshold does not depend on the
 * units of each basis function.
 *
 * <p>Unlike scikit-learn (alpha_0 = 1 / var(b)) the noise precision starts from the residual of a nearly
 * unregularised least-squares fit, alpha_0 = (m - n) / |A c_LS - b|^2. With the variance start the first
 * iterations see a tiny alpha, hence small gamma_k, and prune relevant coefficients for good (pruning is
 * permanent); on noiseless data that lost 5 of 20 coefficients in our test, the least-squares start none.
 */
public final class ArdSolver implements NormalEquationSolver {
    private final double thresholdLambda;
    private final int maxIterations;
    private final double tolerance;
    private final boolean scaleColumns;
    private final Backend backend;

    /** Where the posterior of each iteration is factorised: OpenBLAS's LAPACK (default) or EJML (baseline). */
    public enum Backend { LAPACK, EJML }

    public ArdSolver(double thresholdLambda, int maxIterations, double tolerance, boolean scaleColumns) {
        this(thresholdLambda, maxIterations, tolerance, scaleColumns, Backend.LAPACK);
    }

    public ArdSolver(double thresholdLambda, int maxIterations, double tolerance, boolean scaleColumns,
            Backend backend) {
        if (!(thresholdLambda > 0)) {
            throw new InputException("ard solver: parameter 'thresholdLambda' must be positive, got " + thresholdLambda);
        }
        this.thresholdLambda = thresholdLambda;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.scaleColumns = scaleColumns;
        this.backend = java.util.Objects.requireNonNull(backend, "backend");
    }

    public ArdSolver() {
        this(1e4, 300, 1e-6, true);
    }

    @Override
    public String name() {
        return "ard";
    }

    @Override
    public Solution solve(NormalEquations raw) {
        int[] singularSteps = {0};
        int n = raw.n();
        int m = raw.m();
        double[] scale = scaleColumns ? raw.rmsScales() : BayesianRidgeSolver.ones(n);
        NormalEquations ne = scaleColumns ? raw.scaled(scale) : raw;
        final double h1 = BayesianRidgeSolver.HYPER;
        double alpha = initialNoisePrecision(ne);
        double[] lambda = BayesianRidgeSolver.ones(n);
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        double[] coef = new double[n];
        double[] old = new double[n];
        double[] sigmaDiag = new double[n];
        List<String> warnings = new ArrayList<>();
        int it = 0;
        boolean converged = false;
        for (; it < maxIterations; it++) {
            if (!posterior(ne, alpha, lambda, keep, coef, sigmaDiag, singularSteps)) {
                break;
            }
            double rss = Math.max(ne.residual(coef), ne.bb() * 1e-32 + 1e-300);
            double gsum = 0;
            for (int k = 0; k < n; k++) {
                if (keep[k]) {
                    double g = 1 - lambda[k] * sigmaDiag[k];
                    gsum += g;
                    lambda[k] = (g + 2 * h1) / (coef[k] * coef[k] + 2 * h1);
                }
            }
            alpha = (m - gsum + 2 * h1) / (rss + 2 * h1);
            double diff = 0;
            double norm = 0;
            int kept = 0;
            for (int k = 0; k < n; k++) {
                keep[k] = keep[k] && lambda[k] < thresholdLambda;
                if (!keep[k]) {
                    coef[k] = 0;
                } else {
                    kept++;
                }
                diff += Math.abs(coef[k] - old[k]);
                norm += Math.abs(coef[k]);
                old[k] = coef[k];
            }
            if (kept == 0) {
                warnings.add("ard: every coefficient was pruned (thresholdLambda = " + thresholdLambda + ")");
                break;
            }
            if (it > 0 && diff <= tolerance * norm) {
                converged = true;
                it++;
                break;
            }
        }
        if (!converged && warnings.isEmpty()) {
            warnings.add("ard: did not converge in " + maxIterations + " iterations (tolerance " + tolerance + ")");
        }
        posterior(ne, alpha, lambda, keep, coef, sigmaDiag, singularSteps);
        if (singularSteps[0] > 0) {
            warnings.add("ard: the posterior precision was singular to working precision in " + singularSteps[0]
                    + " step(s) (nearly collinear basis functions); a pseudo-inverse was used there");
        }
        int retained = 0;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            if (keep[k]) {
                retained++;
                x[k] = coef[k] / scale[k];
            }
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("alpha", alpha);
        diag.put("retained", retained);
        diag.put("iterations", it);
        diag.put("converged", converged);
        diag.put("lambda", lambda.clone());
        return new Solution(name(), x, warnings, diag);
    }

    /** (m - n) / rss of a least-squares fit with a 1e-10 relative ridge; 1 / mean(b^2) if that fails. */
    static double initialNoisePrecision(NormalEquations ne) {
        int n = ne.n();
        double fallback = 1.0 / Math.max(ne.bb() / ne.m(), Double.MIN_NORMAL);
        DMatrixRMaj g = ne.gram().copy();
        double tr = 0;
        for (int k = 0; k < n; k++) {
            tr += g.get(k, k);
        }
        for (int k = 0; k < n; k++) {
            g.add(k, k, 1e-10 * tr / n);
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(n);
        if (!chol.setA(g)) {
            return fallback;
        }
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        chol.solve(new DMatrixRMaj(n, 1, true, ne.h().clone()), c);
        double rss = Math.max(ne.residual(c.data), 1e-32 * ne.bb() + Double.MIN_NORMAL);
        double a = Math.max(ne.m() - n, 1) / rss;
        return Double.isFinite(a) && a > 0 ? a : fallback;
    }

    /** Symmetric pseudo-inverse, eigenvalues below 1e-15 * max treated as zero. */
    static void pseudoInverse(DMatrixRMaj p, DMatrixRMaj inv) {
        int r = p.numRows;
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(r, true, true);
        if (!eig.decompose(p.copy())) {
            throw new ArithmeticException("ard: eigendecomposition of the posterior precision failed");
        }
        double max = 0;
        for (int k = 0; k < r; k++) {
            max = Math.max(max, Math.abs(eig.getEigenvalue(k).real));
        }
        inv.zero();
        for (int k = 0; k < r; k++) {
            double e = eig.getEigenvalue(k).real;
            if (e <= 1e-15 * max) {
                continue;
            }
            double[] v = eig.getEigenVector(k).data;
            for (int a = 0; a < r; a++) {
                double va = v[a] / e;
                for (int b = 0; b < r; b++) {
                    inv.data[a * r + b] += va * v[b];
                }
            }
        }
    }

    /** Posterior mean and the diagonal of its covariance over the retained coefficients; false if none. */
    private boolean posterior(NormalEquations ne, double alpha, double[] lambda, boolean[] keep, double[] coef,
            double[] sigmaDiag, int[] singularSteps) {
        int n = ne.n();
        int[] idx = new int[n];
        int r = 0;
        for (int k = 0; k < n; k++) {
            if (keep[k]) {
                idx[r++] = k;
            } else {
                coef[k] = 0;
            }
        }
        if (r == 0) {
            return false;
        }
        DMatrixRMaj p = new DMatrixRMaj(r, r);
        DMatrixRMaj rhs = new DMatrixRMaj(r, 1);
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
                p.unsafe_set(a, b, alpha * ne.get(idx[a], idx[b]));
            }
            p.add(a, a, lambda[idx[a]]);
            rhs.set(a, alpha * ne.h()[idx[a]]);
        }
        DMatrixRMaj inv = new DMatrixRMaj(r, r);
        DMatrixRMaj c = new DMatrixRMaj(r, 1);
        if (!(backend == Backend.LAPACK ? lapackPosterior(p, rhs, inv, c) : ejmlPosterior(p, rhs, inv, c))) {
            // singular to working precision (nearly collinear columns, huge alpha): pseudo-inverse by the
            // symmetric eigendecomposition, as scikit-learn's pinvh
            pseudoInverse(p, inv);
            org.ejml.dense.row.CommonOps_DDRM.mult(inv, rhs, c);
            singularSteps[0]++;
        }
        for (int a = 0; a < r; a++) {
            coef[idx[a]] = c.get(a);
            sigmaDiag[idx[a]] = inv.get(a, a);
        }
        return true;
    }

    /** Sigma = P^-1 by Cholesky (dpotrf, dpotri) and c = Sigma rhs; only Sigma's diagonal is used. */
    private static boolean lapackPosterior(DMatrixRMaj p, DMatrixRMaj rhs, DMatrixRMaj inv, DMatrixRMaj c) {
        int r = p.numRows;
        System.arraycopy(p.data, 0, inv.data, 0, r * r);
        if (!NativeLapack.invertSpd(inv.data, r)) {
            return false;
        }
        NativeLapack.symv(inv.data, r, rhs.data, c.data);
        return true;
    }

    /** The same with EJML's row-major Cholesky: the baseline of the LAPACK path (FittingBenchmark). */
    private static boolean ejmlPosterior(DMatrixRMaj p, DMatrixRMaj rhs, DMatrixRMaj inv, DMatrixRMaj c) {
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(p.numRows);
        if (!chol.setA(p.copy())) {
            return false;
        }
        chol.solve(rhs, c);
        chol.invert(inv);
        return true;
    }
}
