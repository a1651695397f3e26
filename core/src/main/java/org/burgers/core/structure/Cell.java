package org.burgers.core.structure;

import java.util.Arrays;
import org.burgers.core.InputException;

/**
 * A simulation cell: three lattice vectors stored as the rows of a 3x3 matrix (ASE's convention), and a
 * periodic flag per lattice direction. Left-handed cells are valid (as in ASE); a singular one is not.
 * Immutable.
 */
public final class Cell {
    private static final double SINGULAR = 1e-10;
    private final double[] m;      // row-major, rows are a1, a2, a3
    private final double[] inv;    // inverse of m (row-major): s = r * inv, r = s * m
    private final boolean[] pbc;
    private final double volume;   // signed determinant

    public Cell(double[] rowMajor, boolean[] pbc) {
        if (rowMajor.length != 9 || pbc.length != 3) {
            throw new IllegalArgumentException("a cell needs 9 numbers and 3 periodic flags");
        }
        for (int i = 0; i < 9; i++) {
            if (!Double.isFinite(rowMajor[i])) {
                throw new InputException("cell vector component " + i + " is " + rowMajor[i]);
            }
        }
        this.m = rowMajor.clone();
        this.pbc = pbc.clone();
        this.volume = det(m);
        double scale = norm(m, 0) * norm(m, 1) * norm(m, 2);
        if (scale == 0 || Math.abs(volume) <= SINGULAR * scale) {
            throw new InputException("singular cell (volume " + volume + " A^3): lattice vectors "
                    + Arrays.toString(m));
        }
        this.inv = invert(m, volume);
    }

    /** A fully periodic cell. */
    public static Cell periodic(double[] rowMajor) {
        return new Cell(rowMajor, new boolean[] {true, true, true});
    }

    /** An orthorhombic, fully periodic cell with sides a, b, c. */
    public static Cell orthorhombic(double a, double b, double c) {
        return periodic(new double[] {a, 0, 0, 0, b, 0, 0, 0, c});
    }

    /** The row-major 3x3 matrix (a copy). */
    public double[] matrix() {
        return m.clone();
    }

    /** Component j of lattice vector i. */
    public double get(int i, int j) {
        return m[3 * i + j];
    }

    public double[] vector(int i) {
        return new double[] {m[3 * i], m[3 * i + 1], m[3 * i + 2]};
    }

    public boolean periodic(int axis) {
        return pbc[axis];
    }

    public boolean[] pbc() {
        return pbc.clone();
    }

    public boolean fullyPeriodic() {
        return pbc[0] && pbc[1] && pbc[2];
    }

    /** |det|: the volume in A^3. */
    public double volume() {
        return Math.abs(volume);
    }

    /** Distance between the two lattice planes spanned by the other two vectors: V / |a_j x a_k|. */
    public double perpendicularWidth(int axis) {
        int j = (axis + 1) % 3, k = (axis + 2) % 3;
        double cx = m[3 * j + 1] * m[3 * k + 2] - m[3 * j + 2] * m[3 * k + 1];
        double cy = m[3 * j + 2] * m[3 * k] - m[3 * j] * m[3 * k + 2];
        double cz = m[3 * j] * m[3 * k + 1] - m[3 * j + 1] * m[3 * k];
        return Math.abs(volume) / Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    /** Fractional coordinates s with r = s_1 a_1 + s_2 a_2 + s_3 a_3, written into out[off..off+2]. */
    public void toFractional(double x, double y, double z, double[] out, int off) {
        out[off] = x * inv[0] + y * inv[3] + z * inv[6];
        out[off + 1] = x * inv[1] + y * inv[4] + z * inv[7];
        out[off + 2] = x * inv[2] + y * inv[5] + z * inv[8];
    }

    public void toCartesian(double s1, double s2, double s3, double[] out, int off) {
        out[off] = s1 * m[0] + s2 * m[3] + s3 * m[6];
        out[off + 1] = s1 * m[1] + s2 * m[4] + s3 * m[7];
        out[off + 2] = s1 * m[2] + s2 * m[5] + s3 * m[8];
    }

    /** Fractional coordinates of all atoms (flat 3N). */
    public double[] toFractional(double[] positions) {
        double[] s = new double[positions.length];
        for (int i = 0; i < positions.length; i += 3) {
            toFractional(positions[i], positions[i + 1], positions[i + 2], s, i);
        }
        return s;
    }

    public double[] toCartesian(double[] fractional) {
        double[] r = new double[fractional.length];
        for (int i = 0; i < fractional.length; i += 3) {
            toCartesian(fractional[i], fractional[i + 1], fractional[i + 2], r, i);
        }
        return r;
    }

    /** Positions wrapped into the cell along the periodic directions (fractional coordinates in [0, 1)). */
    public double[] wrap(double[] positions) {
        double[] s = toFractional(positions);
        for (int i = 0; i < s.length; i++) {
            if (pbc[i % 3]) {
                s[i] -= Math.floor(s[i]);
                if (s[i] >= 1.0) {
                    s[i] = 0.0;
                }
            }
        }
        return toCartesian(s);
    }

    /** The cell deformed by F (3x3 row-major): each lattice vector a becomes F a. */
    public Cell deform(double[] f) {
        double[] n = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int r = 0; r < 3; r++) {
                n[3 * i + r] = f[3 * r] * m[3 * i] + f[3 * r + 1] * m[3 * i + 1] + f[3 * r + 2] * m[3 * i + 2];
            }
        }
        return new Cell(n, pbc);
    }

    public Cell withPbc(boolean[] newPbc) {
        return new Cell(m, newPbc);
    }

    private static double norm(double[] a, int row) {
        return Math.sqrt(a[3 * row] * a[3 * row] + a[3 * row + 1] * a[3 * row + 1] + a[3 * row + 2] * a[3 * row + 2]);
    }

    static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    private static double[] invert(double[] a, double d) {
        return new double[] {
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && Arrays.equals(m, c.m) && Arrays.equals(pbc, c.pbc);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(m) + Arrays.hashCode(pbc);
    }

    @Override
    public String toString() {
        return "Cell" + Arrays.toString(m) + " pbc=" + Arrays.toString(pbc);
    }
}
