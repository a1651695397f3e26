package org.burgers.simulation.relax;

/**
 * The outcome of a relaxation.
 *
 * @param structure  the last structure (relaxed if converged)
 * @param converged  whether every force component (and, with cell relaxation, every stress component) is
 *                   below its tolerance at {@code structure}
 * @param iterations optimiser iterations taken
 * @param forceCalls potential evaluations used
 * @param energy     energy of {@code structure} (eV)
 * @param fmax       largest force component of {@code structure} (eV/A): the last residual
 * @param maxStress  largest stress component (eV/A^3) when the cell was relaxed, else NaN
 * @param message    why it stopped
 */
public record RelaxResult(org.burgers.core.structure.Structure structure, boolean converged, int iterations,
                          int forceCalls, double energy, double fmax, double maxStress, String message) {

    /** This result, or an {@link IllegalStateException} saying why it is not converged. */
    public RelaxResult requireConverged() {
        if (!converged) {
            throw new IllegalStateException("relaxation did not converge: " + message + " (fmax " + fmax
                    + " eV/A after " + iterations + " iterations, " + forceCalls + " force calls)");
        }
        return this;
    }
}
