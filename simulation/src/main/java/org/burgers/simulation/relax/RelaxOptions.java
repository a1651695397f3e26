package org.burgers.simulation.relax;

import org.burgers.core.InputException;

/**
 * What a relaxation must reach and how much it may spend.
 *
 * @param fmax          converged when every force component is below this (eV/A); must be > 0
 * @param maxSteps      iteration budget
 * @param maxForceCalls budget of potential evaluations
 * @param relaxCell     relax the cell vectors as well (all nine components of the deformation gradient)
 * @param stressTol     with relaxCell: converged also needs every stress component below this (eV/A^3)
 * @param maxMove       largest displacement of any atom in one trial step (A)
 * @param skin          Verlet skin of the reused neighbour list (A)
 */
public record RelaxOptions(double fmax, int maxSteps, int maxForceCalls, boolean relaxCell, double stressTol,
                           double maxMove, double skin) {

    /** 1 GPa is 0.00624 eV/A^3; the default cell tolerance is about 0.01 GPa. */
    public static final double DEFAULT_STRESS_TOL = 1e-4 / 1.6021766;

    public RelaxOptions {
        if (!(fmax > 0) || !Double.isFinite(fmax)) {
            throw new InputException("fmax must be > 0 eV/A, got " + fmax);
        }
        if (maxSteps < 1 || maxForceCalls < 1) {
            throw new InputException("relaxation budget must be positive (maxSteps " + maxSteps + ", maxForceCalls "
                    + maxForceCalls + ")");
        }
        if (relaxCell && !(stressTol > 0)) {
            throw new InputException("stress tolerance must be > 0, got " + stressTol);
        }
        if (!(maxMove > 0) || !(skin >= 0)) {
            throw new InputException("maxMove must be > 0 and skin >= 0 (got " + maxMove + ", " + skin + ")");
        }
    }

    /** Fixed cell, 10000 steps, 20000 force calls, steps of at most 0.2 A, skin 0.5 A. */
    public static RelaxOptions of(double fmax) {
        return new RelaxOptions(fmax, 10000, 20000, false, DEFAULT_STRESS_TOL, 0.2, 0.5);
    }

    public RelaxOptions withMaxSteps(int steps) {
        return new RelaxOptions(fmax, steps, Math.max(maxForceCalls, steps), relaxCell, stressTol, maxMove, skin);
    }

    public RelaxOptions withMaxForceCalls(int calls) {
        return new RelaxOptions(fmax, maxSteps, calls, relaxCell, stressTol, maxMove, skin);
    }

    /** Relax the cell too, until every stress component is below {@code tol} (eV/A^3). */
    public RelaxOptions withCell(double tol) {
        return new RelaxOptions(fmax, maxSteps, maxForceCalls, true, tol, maxMove, skin);
    }

    public RelaxOptions withMaxMove(double move) {
        return new RelaxOptions(fmax, maxSteps, maxForceCalls, relaxCell, stressTol, move, skin);
    }
}
