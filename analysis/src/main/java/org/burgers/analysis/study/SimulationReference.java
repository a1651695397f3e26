package org.burgers.analysis.study;

import org.burgers.core.stencil.Stencil;
import org.burgers.simulation.dislocation.DislocationConfiguration;

/**
 * The reference side of the error measures for one simulation configuration: the predictor every relaxation
 * starts from, its relaxation with the reference potential (ybar), the Voronoi stencil of its reference
 * lattice sites, and E(ybar) relative to the reference's perfect lattice on the same sites. One per study for
 * the quadrupole; one per training size L for the loop study (the loop's diameter follows L).
 *
 * @param label     what it is, for messages ("quadrupole N = 12", "loop L = 8 in N = 16")
 * @param predictor the predictor configuration
 * @param relaxed   the cached reference relaxation
 * @param stencil   stencil of the predictor's reference lattice
 * @param energy    E(ybar) - sum_l e(l) (eV)
 * @param farSites  sites farther than {@code farRadius} from every core (the far field; empty for loops)
 * @param farRadius the far-field radius (the basis cutoff, A)
 */
record SimulationReference(String label, DislocationConfiguration predictor, ReferenceCache.Relaxation relaxed,
                           Stencil stencil, double energy, int[] farSites, double farRadius) {
}
