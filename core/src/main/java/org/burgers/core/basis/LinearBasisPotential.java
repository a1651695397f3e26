package org.burgers.core.basis;

import java.util.Set;
import org.burgers.core.potential.Potential;

/**
 * A potential that is a linear contraction of the features of a {@link LinearBasis} (the ACE potential, the
 * fitting stage's generic model): it reaches as far as the basis, knows the basis's species and, as the
 * features do, evaluates on a full neighbour list.
 */
public interface LinearBasisPotential extends Potential {

    LinearBasis basis();

    @Override
    default double cutoff() {
        return basis().cutoff();
    }

    @Override
    default Set<String> species() {
        return basis().species();
    }

    @Override
    default boolean wantsHalfList() {
        return false;
    }
}
