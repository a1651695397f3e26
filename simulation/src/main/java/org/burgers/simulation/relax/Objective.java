package org.burgers.simulation.relax;

import org.burgers.core.structure.Structure;

/**
 * The function an optimiser minimises: energy and gradient over a flat vector of unknowns (positions,
 * possibly followed by cell degrees of freedom). Keeps the evaluation at the last point it was asked for.
 */
interface Objective {

    int dimension();

    /** The unknowns of the starting structure. */
    double[] start();

    /** Energy at x; writes dE/dx into grad. */
    double evaluate(double[] x, double[] grad);

    /** Largest force component at the last evaluated point (eV/A). */
    double maxForce();

    /** Largest stress component at the last evaluated point (eV/A^3), NaN for a fixed cell. */
    double maxStress();

    /** Whether the last evaluated point meets the tolerances. */
    boolean converged();

    /** The structure at the last evaluated point. */
    Structure structure();

    int forceCalls();

    /** Number of leading unknowns that are atom coordinates (3N). */
    int atomDimension();

    /** Zeroes the components of v along unknowns held fixed ({@link MoveMask}); by default none are. */
    default void project(double[] v) {
    }
}
