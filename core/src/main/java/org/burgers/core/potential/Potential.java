package org.burgers.core.potential;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * An interatomic potential: energy, site energies, forces, virial and (when asked) the Hessian of a
 * structure. The seam between reference potentials, fitted models and everything that uses them.
 *
 * <p>Implementations are immutable and thread-safe; {@link #evaluate(Structure, NeighbourList, Request)}
 * takes a list built by the caller (a {@link org.burgers.core.neighbours.VerletList} during relaxation) that
 * contains at least every pair within {@link #cutoff()}, of the kind {@link #wantsHalfList()} says.
 */
public interface Potential {

    /** Interaction range in A. */
    double cutoff();

    /** Symbols of the elements this potential can evaluate. */
    Set<String> species();

    /** Whether {@link #evaluate(Structure, NeighbourList, Request)} wants a half list (true) or a full one. */
    boolean wantsHalfList();

    /** Evaluate with a caller-supplied neighbour list. */
    Evaluation evaluate(Structure s, NeighbourList list, Request request);

    /** Evaluate, building the neighbour list. */
    default Evaluation evaluate(Structure s, Request request) {
        checkSpecies(s);
        return evaluate(s, NeighbourList.build(s, cutoff(), wantsHalfList()), request);
    }

    default double energy(Structure s) {
        return evaluate(s, Request.ENERGY).energy();
    }

    /** Throws an {@link org.burgers.core.InputException} naming the first atom whose element this potential does not cover. */
    default void checkSpecies(Structure s) {
        Set<String> known = species();
        for (int i = 0; i < s.size(); i++) {
            Element e = s.element(i);
            if (!known.contains(e.symbol())) {
                throw ElementIndex.notCovered(i, e.symbol(), known);
            }
        }
    }

    /** Throws if a caller-supplied list cannot serve this potential. */
    default void checkList(NeighbourList list) {
        if (list.isHalf() != wantsHalfList()) {
            throw new IllegalArgumentException("potential wants a " + (wantsHalfList() ? "half" : "full")
                    + " neighbour list");
        }
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " < potential cutoff "
                    + cutoff());
        }
    }
}
