package org.burgers.simulation.relax;

/**
 * A symmetric positive-definite metric P for a quasi-Newton method: the initial inverse Hessian of
 * L-BFGS becomes P^-1 (Packwood et al., J. Chem. Phys. 144, 164109 (2016), eq. 5).
 */
interface Preconditioner {

    /**
     * Prepare for the point x (called at the start and after every accepted step); may rebuild P.
     * Returns true if P changed.
     */
    boolean update(Objective objective, double[] x, double[] gradient);

    /** z = P^-1 r. */
    void solve(double[] r, double[] z);

    /** Force calls spent by the preconditioner itself (estimating its scale). */
    int forceCalls();
}
