package org.burgers.simulation.relax;

import org.burgers.core.neighbours.CoincidentAtomsException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.neighbours.VerletList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/** The objectives' one evaluation: energy, forces and virial, all finite, or the reason they are not. */
final class CheckedEvaluation {
    private CheckedEvaluation() {
    }

    /**
     * Forces (and virial) of the potential at s with the Verlet list; throws {@link NonFiniteEvaluationException}
     * where two atoms are at one place or the energy, a force or the virial is not finite.
     */
    static Evaluation forces(Potential potential, Structure s, VerletList verlet) {
        NeighbourList list;
        try {
            list = verlet.update(s);
        } catch (CoincidentAtomsException ex) {
            throw new NonFiniteEvaluationException(ex.getMessage());
        }
        Evaluation e;
        try {
            e = potential.evaluate(s, list, Request.FORCES);
        } catch (ArithmeticException ex) {
            throw new NonFiniteEvaluationException(ex.getMessage(), list);
        }
        double[] f = e.forces();
        for (int k = 0; k < f.length; k++) {
            if (!Double.isFinite(f[k])) {
                throw new NonFiniteEvaluationException("potential returned a non-finite force " + f[k] + " on atom "
                        + k / 3, list);
            }
        }
        if (e.virial() != null) {
            for (double w : e.virial()) {
                if (!Double.isFinite(w)) {
                    throw new NonFiniteEvaluationException("potential returned a non-finite virial " + w, list);
                }
            }
        }
        return e;
    }
}
