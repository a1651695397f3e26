package org.burgers.core.basis;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * A linear model's features: site energy E_l = sum_k c_k B_k(env_l), so that every observation (energy,
 * force, virial, elastic constants) is linear in the coefficients c. ACE implements it; the fitting stage
 * sees nothing else of a model. One-body reference energies per species are the fitting stage's business.
 */
public interface LinearBasis {

    /** Number of basis functions (columns). */
    int size();

    double cutoff();

    Set<String> species();

    /**
     * Features of a structure, from a full neighbour list with at least {@link #cutoff()}.
     *
     * @param forces whether to compute -d/dx of the energy features
     * @param virial whether to compute the virial features (sum_i r_i (x) f_i per basis function)
     */
    Features features(Structure s, NeighbourList fullList, boolean forces, boolean virial);

    default Features features(Structure s, boolean forces, boolean virial) {
        return features(s, NeighbourList.full(s, cutoff()), forces, virial);
    }
}
