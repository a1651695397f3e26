package org.burgers.core.neighbours;

import org.burgers.core.structure.Structure;

/**
 * How stages obtain neighbour lists, injected (Guice {@link org.burgers.core.CoreModule}) so that a
 * benchmark or a test can swap the implementation. {@link #verlet} hands out skin lists for relaxations
 * and trajectories with the configured skin.
 */
public interface NeighbourListFactory {

    NeighbourList build(Structure s, double cutoff, boolean half);

    /** A new (stateful, not thread-safe) Verlet list for one relaxation or trajectory. */
    VerletList verlet(double cutoff, boolean half);

    /** The binned O(N) lists of {@link NeighbourList} with a Verlet skin (A). */
    static NeighbourListFactory binned(double skin) {
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new org.burgers.core.InputException("Verlet skin must be >= 0 and finite, got " + skin);
        }
        return new NeighbourListFactory() {
            @Override
            public NeighbourList build(Structure s, double cutoff, boolean half) {
                return NeighbourList.build(s, cutoff, half);
            }

            @Override
            public VerletList verlet(double cutoff, boolean half) {
                return new VerletList(cutoff, skin, half);
            }

            @Override
            public String toString() {
                return "binned neighbour lists, Verlet skin " + skin + " A";
            }
        };
    }
}
