package org.burgers.fitting.solve;

/**
 * A solver that needs only the normal equations A^T A, A^T b, b^T b and no column degrees ({@link ArdSolver},
 * {@link BayesianRidgeSolver}): the design is reduced to them once, or never formed
 * ({@link org.burgers.fitting.loss.LossAssembler#normalEquations}).
 */
public interface NormalEquationSolver extends Solver {

    Solution solve(NormalEquations equations);

    @Override
    default Solution solve(LinearSystem system) {
        return solve(system.normalEquations());
    }

    @Override
    default boolean solvesNormalEquations() {
        return true;
    }

    @Override
    default Solution solveNormal(NormalEquations equations, double[] columnDegrees) {
        return solve(equations);
    }
}
