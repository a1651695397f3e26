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
 * Tikhonov regularisation: x = argmin |A x - b|^2 + lambda |Gamma x|^2, i.e. (A^T A + lambda Gamma^2) x = A^T b,
 * solved by Cholesky on the normal equations (the regulariser makes them positive definite). lambda is given
 * relative to the mean diagonal of A^T A, so that it means the same whatever the number of rows. Gamma is the
 * identity, or with a smoothness prior of order p the diagonal Gamma_kk = (1 + degree_k)^p, which penalises
 * high-degree basis functions more (the algebraic smoothness prior of ACEpotentials, Witt et al. 2023).
 */
public final class RidgeSolver implements Solver {
    private final double lambda;
    private final double smoothness;

    /**
     * @param lambda relative regularisation strength (> 0)
     * @param smoothness order p of the smoothness prior; 0 for plain ridge
     */
    public RidgeSolver(double lambda, double smoothness) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new InputException("ridge solver: parameter 'lambda' must be positive and finite, got " + lambda);
        }
        if (!(smoothness >= 0) || !Double.isFinite(smoothness)) {
            throw new InputException("ridge solver: parameter 'smoothness' must be >= 0, got " + smoothness);
        }
        this.lambda = lambda;
        this.smoothness = smoothness;
    }

    @Override
    public String name() {
        return "ridge";
    }

    /** The diagonal of Gamma^2 for {@code cols} columns of the given degrees (null: none known). */
    public double[] priorDiagonal(int cols, double[] deg) {
        double[] d = new double[cols];
        if (smoothness > 0 && deg == null) {
            throw new InputException("ridge solver: a smoothness prior (smoothness = " + smoothness
                    + ") needs the polynomial degree of each basis function, which this basis does not provide");
        }
        for (int k = 0; k < d.length; k++) {
            d[k] = smoothness > 0 ? Math.pow(1 + deg[k], 2 * smoothness) : 1;
        }
        return d;
    }

    @Override
    public Solution solve(LinearSystem sys) {
        return solveNormal(sys.normalEquations(), sys.columnDegrees());
    }

    @Override
    public boolean solvesNormalEquations() {
        return true;
    }

    @Override
    public Solution solveNormal(NormalEquations equations, double[] columnDegrees) {
        return solve(equations, priorDiagonal(equations.n(), columnDegrees));
    }

    /** Solve given the normal equations and the diagonal of Gamma^2. */
    public Solution solve(NormalEquations ne, double[] gamma2) {
        int n = ne.n();
        double trace = 0;
        for (int k = 0; k < n; k++) {
            trace += ne.get(k, k);
        }
        double lam = lambda * (trace > 0 ? trace / n : 1);
        DMatrixRMaj g = ne.gram().copy();
        for (int k = 0; k < n; k++) {
            g.add(k, k, lam * gamma2[k]);
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(g)) {
            throw new InputException("ridge solver: A^T A + lambda Gamma^2 is not positive definite for lambda = "
                    + lambda + "; increase 'lambda'");
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        chol.solve(new DMatrixRMaj(n, 1, true, ne.h()), x);
        List<String> warnings = new ArrayList<>();
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("lambdaAbsolute", lam);
        diag.put("residualNorm2", Math.max(0, ne.residual(x.data)));
        return new Solution(name(), x.data, warnings, diag);
    }
}
