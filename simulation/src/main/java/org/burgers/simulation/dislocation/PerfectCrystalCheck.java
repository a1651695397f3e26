package org.burgers.simulation.dislocation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
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
    /** Neighbour vectors are compared to this (A): far above round-off, far below any core displacement. */
    public static final double TOLERANCE = 1e-3;

    private PerfectCrystalCheck() {
    }

    /**
     * The number of distinct environments: sets of neighbour vectors within {@code cutoff} (with the species of
     * the neighbour), each component rounded to {@link #TOLERANCE}.
     */
    public static int distinctEnvironments(Structure s, double cutoff) {
        NeighbourList nl = NeighbourList.full(s, cutoff);
        Set<String> envs = new HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            int n = nl.count(i);
            long[][] v = new long[n][];
            for (int k = 0, p = nl.start(i); p < nl.end(i); p++, k++) {
                v[k] = new long[] {s.element(nl.neighbour(p)).symbol().hashCode(), bin(nl.dx(p)), bin(nl.dy(p)),
                        bin(nl.dz(p))};
            }
            Arrays.sort(v, (a, b) -> Arrays.compare(a, b));
            envs.add(s.element(i).symbol() + Arrays.deepToString(v));
        }
        return envs.size();
    }

    /**
     * The bin of a coordinate difference: bins of width {@link #TOLERANCE} whose edges are offset by 1/pi of a
     * width, because lattice vectors built from lattice constants with few decimals land on the half-integers
     * of the plain grid (B2 NiAl, a = 2.8815 A: 2881.5 tolerances), where round-off would split equal vectors.
     */
    private static long bin(double x) {
        return (long) Math.floor(x / TOLERANCE + 1 / Math.PI);
    }

    /**
     * Whether {@code s} is a perfect crystal of a lattice with {@code latticeSites} sites in its conventional
     * cell (an upper bound on the environments of its sublattices: 2 for bcc and B2, 8 for diamond): at most
     * twice that many distinct environments (twice, so that a vector component on a rounding boundary cannot
     * split a sublattice in two and hide a perfect crystal). A dislocation dipole has one per atom or nearly.
     */
    public static boolean isPerfectCrystal(Structure s, double cutoff, int latticeSites) {
        return isPerfectCrystal(distinctEnvironments(s, cutoff), latticeSites);
    }

    /** As above, from a count of {@link #distinctEnvironments} already made. */
    public static boolean isPerfectCrystal(int distinctEnvironments, int latticeSites) {
        return distinctEnvironments <= 2 * latticeSites;
    }
}
