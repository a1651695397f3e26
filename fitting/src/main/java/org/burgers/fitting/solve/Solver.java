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
}
