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

    /**
     * Energy per length of dislocation line (eV/A) below which the relaxed reference holds no dislocation: the
     * cores have annihilated and the cell is a perfect crystal. Straight dislocations in our cells carry 0.9-2.7
     * eV/A (Si edge N = 6, NiAl screw N = 20, W screw N = 120); the Stillinger-Weber Si quadrupole of N = 6
     * annihilates to 1e-7 eV/A.
     */
    static final double LOST_EV_PER_A = 0.01;

    /** E(ybar) per core and per A of line (eV/A), or NaN for a loop or a configuration without cores. */
    double energyPerLineLength() {
        if (predictor.kind().contains("loop") || predictor.cores().isEmpty()) {
            return Double.NaN;
        }
        // the line runs along the third vector of the perfect-lattice cell (row-major: m[6..8])
        double[] m = predictor.referenceCell();
        double line = Math.sqrt(m[6] * m[6] + m[7] * m[7] + m[8] * m[8]);
        return energy / (predictor.cores().size() * line);
    }

    /** Null, or why the relaxed reference cannot serve: its dislocations have annihilated. */
    String lostDislocations() {
        double e = energyPerLineLength();
        if (!(e < LOST_EV_PER_A)) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "the reference relaxation of the %s lost its dislocations: "
                + "E(ybar) relative to the perfect lattice is %.3g eV, %.3g eV/A per core (below %.2g): the cores "
                + "annihilated, and every error would compare two perfect crystals; use a larger N or another "
                + "arrangement", label, energy, e, LOST_EV_PER_A);
    }
}
