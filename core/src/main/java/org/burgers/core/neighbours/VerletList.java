package org.burgers.core.neighbours;

import org.burgers.core.structure.Structure;

/**
 * A neighbour list with a skin, reused while atoms move: it is rebuilt only when the cell changed or some
 * atom moved by more than half the skin since the last build (then no pair can have crossed the cutoff
 * unseen). Between rebuilds the pair vectors are recomputed from the new positions with the stored image
 * shifts. Not thread-safe: one per relaxation or trajectory.
 */
public final class VerletList {
    private final double cutoff;
    private final double skin;
    private final boolean half;
    private NeighbourList list;
    private double[] builtPositions;
    private Structure builtFor;
    private int builds;

    public VerletList(double cutoff, double skin, boolean half) {
        if (!(skin >= 0)) {
            throw new IllegalArgumentException("skin must be >= 0, got " + skin);
        }
        this.cutoff = cutoff;
        this.skin = skin;
        this.half = half;
    }

    /** A list valid for the structure: every pair within the cutoff is present (and some up to cutoff + skin). */
    public NeighbourList update(Structure s) {
        if (list == null || s.size() != builtFor.size() || !s.cell().equals(builtFor.cell())
                || maxDisplacement(s.positionsView()) > 0.5 * skin) {
            list = NeighbourList.build(s, cutoff + skin, half);
            builtPositions = s.positions();
            builds++;
        } else if (s != builtFor) {
            list = list.withPositions(s.positionsView(), s.cell());
        }
        builtFor = s;
        return list;
    }

    /** How often the list was rebuilt (for tests and benchmarks). */
    public int builds() {
        return builds;
    }

    private double maxDisplacement(double[] x) {
        double max2 = 0;
        for (int i = 0; i < x.length; i += 3) {
            double dx = x[i] - builtPositions[i], dy = x[i + 1] - builtPositions[i + 1], dz = x[i + 2] - builtPositions[i + 2];
            max2 = Math.max(max2, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(max2);
    }
}
