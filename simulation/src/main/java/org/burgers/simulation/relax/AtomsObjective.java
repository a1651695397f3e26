package org.burgers.simulation.relax;

import org.burgers.core.neighbours.VerletList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/** Fixed-cell objective: the unknowns are the Cartesian positions; the gradient is minus the forces. */
final class AtomsObjective implements Objective {
    private final Structure start;
    private final Potential potential;
    private final VerletList verlet;
    private final double fmax;
    private final MoveMask mask;
    private Structure current;
    private double maxForce = Double.NaN;
    private int calls;

    AtomsObjective(Structure start, Potential potential, RelaxOptions o) {
        potential.checkSpecies(start);
        this.start = start;
        this.potential = potential;
        this.verlet = new VerletList(potential.cutoff(), o.skin(), potential.wantsHalfList());
        this.fmax = o.fmax();
        this.mask = MoveMask.of(start);
        this.current = start;
    }

    @Override
    public int dimension() {
        return 3 * start.size();
    }

    @Override
    public int atomDimension() {
        return 3 * start.size();
    }

    @Override
    public double[] start() {
        return start.positions();
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        current = start.withPositions(x);
        calls++;   // counted when attempted: a failed evaluation is a force call too
        Evaluation e = CheckedEvaluation.forces(potential, current, verlet);
        double[] f = e.forces();
        double m = 0;
        for (int k = 0; k < f.length; k++) {
            // a fixed coordinate keeps its force (a reaction of the constraint): no gradient, not in fmax
            grad[k] = mask != null && mask.fixed(k) ? 0 : -f[k];
            m = Math.max(m, Math.abs(grad[k]));
        }
        maxForce = m;
        return e.energy();
    }

    @Override
    public void project(double[] v) {
        if (mask != null) {
            mask.project(v);
        }
    }

    @Override
    public double maxForce() {
        return maxForce;
    }

    @Override
    public double maxStress() {
        return Double.NaN;
    }

    @Override
    public boolean converged() {
        return maxForce < fmax;
    }

    @Override
    public Structure structure() {
        return current;
    }

    @Override
    public int forceCalls() {
        return calls;
    }
}
