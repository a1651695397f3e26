package org.burgers.simulation.relax;

import java.util.Locale;
import org.burgers.core.neighbours.NeighbourList;

/**
 * The potential gave a non-finite energy or force at a point the optimiser asked for, or the point has two
 * atoms at the same place (where no potential is defined). The message names the closest pair of atoms
 * there, which is what usually went wrong (atoms pushed onto each other by a model without a repulsive core). The line search treats it as a step too long and backtracks; a relaxation that
 * cannot get past it ends unconverged with this message, never with a NaN in its result.
 */
final class NonFiniteEvaluationException extends ArithmeticException {

    NonFiniteEvaluationException(String what, NeighbourList list) {
        super(what + "; " + closestPair(list));
    }

    /** A message that already names the atoms (two atoms at the same place). */
    NonFiniteEvaluationException(String what) {
        super(what);
    }

    /** "closest atoms i and j, d A apart" from a neighbour list (indices from 0), or why there is none. */
    static String closestPair(NeighbourList list) {
        if (list == null || list.pairs() == 0) {
            return "no two atoms within the cutoff";
        }
        double best = Double.POSITIVE_INFINITY;
        int bi = -1, bj = -1;
        for (int i = 0; i < list.atoms(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                double dx = list.dx(p), dy = list.dy(p), dz = list.dz(p);
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (d < best) {
                    best = d;
                    bi = i;
                    bj = list.neighbour(p);
                }
            }
        }
        return String.format(Locale.ROOT, "closest atoms %d and %d, %.4g A apart", bi, bj, best);
    }
}
