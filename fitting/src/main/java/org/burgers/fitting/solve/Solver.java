package org.burgers.fitting.solve;

/**
 * Minimises the weighted least-squares loss (4.16) assembled as a {@link LinearSystem}. Implementations:
 * {@link QrSolver}, {@link RidgeSolver}, {@link BayesianRidgeSolver}, {@link ArdSolver}; bound by name in
 * {@link org.burgers.fitting.FittingModule}.
 */
public interface Solver {

    /** Short name used in configuration files: qr, ridge, blr, ard. */
    String name();

    Solution solve(LinearSystem system);

    /**
     * Whether this solver needs only the normal equations A^T A, A^T b, b^T b, so that a large loss can be
     * assembled without its design matrix ({@link org.burgers.fitting.loss.LossAssembler#normalEquations}).
     */
    default boolean solvesNormalEquations() {
        return false;
    }

    /**
     * Solves from the normal equations (only if {@link #solvesNormalEquations()}).
     *
     * @param columnDegrees polynomial degree of each column's basis function, as in {@link LinearSystem}; or null
     */
    default Solution solveNormal(NormalEquations equations, double[] columnDegrees) {
        throw new UnsupportedOperationException(name() + " needs the design matrix, not only the normal equations");
    }
}
