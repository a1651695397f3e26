package org.burgers.simulation.dislocation;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * Whether a relaxed cell still holds dislocations, from its geometry alone: a cell whose dislocations have
 * annihilated is a (homogeneously strained) perfect crystal, in which every atom of one sublattice sees the
 * same neighbour vectors. A cell with a dislocation dipole has almost as many distinct environments as atoms.
 * Unlike an energy criterion this holds in a fixed periodic cell whose tilt leaves the annihilated dipole
 * strained (W screw dipole of 8 r0: 2.2 eV above the perfect lattice, one environment for all 108 atoms),
 * and it needs no potential.
 */
public final class PerfectCrystalCheck {
    /**
     * Two neighbour vectors are the same to this (A, each component): far above what a relaxation to fmax
     * leaves (1e-5 A at 1e-4 eV/A), far below what a core does to its neighbours (0.1-1 A).
     */
    public static final double TOLERANCE = 0.01;

    private PerfectCrystalCheck() {
    }

    /**
     * The number of distinct environments, counted up to {@code limit} (a larger count is returned as limit):
     * the sets of neighbour vectors within {@code cutoff}, with the species of atom and neighbour, two sets
     * equal when every vector of one has a vector of the other within {@link #TOLERANCE}. Compared with a
     * tolerance, not by binning, since relaxation noise splits vectors that sit near a bin edge.
     */
    public static int distinctEnvironments(Structure s, double cutoff, int limit) {
        NeighbourList nl = NeighbourList.full(s, cutoff);
        List<Environment> seen = new ArrayList<>();
        for (int i = 0; i < s.size() && seen.size() < limit; i++) {
            Environment e = Environment.of(s, nl, i);
            if (seen.stream().noneMatch(e::matches)) {
                seen.add(e);
            }
        }
        return seen.size();
    }

    /**
     * Whether {@code s} is a perfect crystal of a lattice with {@code latticeSites} sites in its conventional
     * cell (an upper bound on the environments of its sublattices: 2 for bcc and B2, 8 for diamond): no more
     * distinct environments than that. A dislocation dipole has one per atom or nearly.
     */
    public static boolean isPerfectCrystal(Structure s, double cutoff, int latticeSites) {
        return isPerfectCrystal(distinctEnvironments(s, cutoff, latticeSites + 1), latticeSites);
    }

    /** As above, from a count of {@link #distinctEnvironments} already made (with a limit above latticeSites). */
    public static boolean isPerfectCrystal(int distinctEnvironments, int latticeSites) {
        return distinctEnvironments <= latticeSites;
    }

    /** One atom's species and its neighbours' species and vectors (flat, 3 per neighbour). */
    private record Environment(String species, String[] neighbours, double[] vectors) {
        static Environment of(Structure s, NeighbourList nl, int i) {
            int n = nl.count(i);
            String[] sp = new String[n];
            double[] v = new double[3 * n];
            for (int k = 0, p = nl.start(i); p < nl.end(i); p++, k++) {
                sp[k] = s.element(nl.neighbour(p)).symbol();
                v[3 * k] = nl.dx(p);
                v[3 * k + 1] = nl.dy(p);
                v[3 * k + 2] = nl.dz(p);
            }
            return new Environment(s.element(i).symbol(), sp, v);
        }

        /** Same species and, for every neighbour of this one, a neighbour of the other at the same vector. */
        boolean matches(Environment o) {
            if (!species.equals(o.species) || neighbours.length != o.neighbours.length) {
                return false;
            }
            for (int k = 0; k < neighbours.length; k++) {
                boolean found = false;
                for (int m = 0; m < o.neighbours.length && !found; m++) {
                    found = neighbours[k].equals(o.neighbours[m])
                            && Math.abs(vectors[3 * k] - o.vectors[3 * m]) < TOLERANCE
                            && Math.abs(vectors[3 * k + 1] - o.vectors[3 * m + 1]) < TOLERANCE
                            && Math.abs(vectors[3 * k + 2] - o.vectors[3 * m + 2]) < TOLERANCE;
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }
}
