package org.burgers.simulation.relax;

import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;

/**
 * Coordinates held fixed during a relaxation, read from the structure's per-atom array {@value #ARRAY}: three
 * numbers per atom (x, y, z; 1 = free, 0 = fixed; the {@code move_mask} of ASE's extended XYZ for
 * {@code FixCartesian}) or one per atom (the whole atom). The relaxers zero the gradient on fixed coordinates
 * and project their search directions, so a fixed coordinate never moves and its force does not count
 * towards {@link RelaxOptions#fmax()}.
 */
public final class MoveMask {
    /** Name of the per-atom array. */
    public static final String ARRAY = "move_mask";

    private final boolean[] fixed;
    private final int count;

    private MoveMask(boolean[] fixed) {
        this.fixed = fixed;
        int c = 0;
        for (boolean f : fixed) {
            c += f ? 1 : 0;
        }
        this.count = c;
    }

    /** The mask of a structure, or null if it fixes nothing. */
    public static MoveMask of(Structure s) {
        double[] m = s.arrays().get(ARRAY);
        if (m == null) {
            return null;
        }
        int n = s.size();
        int per = n == 0 ? 3 : m.length / n;
        if (per != 1 && per != 3) {
            throw new InputException("per-atom array '" + ARRAY + "' needs 1 or 3 numbers per atom, has " + per);
        }
        boolean[] fixed = new boolean[3 * n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                double v = m[per == 3 ? 3 * i + d : i];
                if (v != 0 && v != 1) {
                    throw new InputException("per-atom array '" + ARRAY + "' of atom " + i + " must be 0 (fixed) or 1 "
                            + "(free), got " + v);
                }
                fixed[3 * i + d] = v == 0;
            }
        }
        MoveMask mask = new MoveMask(fixed);
        return mask.count == 0 ? null : mask;
    }

    /** Zeroes the fixed coordinates of v (length 3N, or longer with cell unknowns after the atoms). */
    public void project(double[] v) {
        for (int k = 0; k < fixed.length; k++) {
            if (fixed[k]) {
                v[k] = 0;
            }
        }
    }

    public boolean fixed(int coordinate) {
        return fixed[coordinate];
    }

    /** Number of fixed coordinates. */
    public int count() {
        return count;
    }

    /** The per-atom array fixing the given coordinates (3 numbers per atom, 0 = fixed). */
    public static double[] array(boolean[] fixedCoordinates) {
        double[] m = new double[fixedCoordinates.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = fixedCoordinates[k] ? 0 : 1;
        }
        return m;
    }
}
