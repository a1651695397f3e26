package org.burgers.core.potential;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * A sparse symmetric 3N x 3N matrix stored as 3x3 blocks (i, j), rows of blocks in compressed form; both
 * (i, j) and (j, i) are stored. Built with {@link Builder}, which sums repeated contributions.
 */
public final class BlockHessian {
    private final int natoms;
    private final int[] rowStart;   // natoms + 1
    private final int[] column;     // block column per stored block
    private final double[] values;  // 9 per block, row-major

    private BlockHessian(int natoms, int[] rowStart, int[] column, double[] values) {
        this.natoms = natoms;
        this.rowStart = rowStart;
        this.column = column;
        this.values = values;
    }

    /**
     * A Hessian from rows already in compressed form (for kernels that assemble row by row without the
     * {@link Builder}'s hash map): row i holds blocks rowStart[i] &lt;= k &lt; rowStart[i+1] with strictly
     * increasing block columns column[k] and values[9k..9k+8] row-major. The arrays are taken, not copied.
     */
    public static BlockHessian ofRows(int natoms, int[] rowStart, int[] column, double[] values) {
        if (rowStart.length != natoms + 1 || rowStart[0] != 0 || rowStart[natoms] != column.length
                || values.length != 9 * column.length) {
            throw new IllegalArgumentException("inconsistent compressed block rows");
        }
        for (int i = 0; i < natoms; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (column[k] < 0 || column[k] >= natoms || (k > rowStart[i] && column[k] <= column[k - 1])) {
                    throw new IllegalArgumentException("block columns of row " + i + " are not increasing and in range");
                }
            }
        }
        return new BlockHessian(natoms, rowStart, column, values);
    }

    public int atoms() {
        return natoms;
    }

    public int blocks() {
        return column.length;
    }

    /** Element (3i+a, 3j+b); zero if the block is not stored. */
    public double get(int i, int a, int j, int b) {
        int k = find(i, j);
        return k < 0 ? 0.0 : values[9 * k + 3 * a + b];
    }

    /** The 3x3 block (i, j), row-major, or null when it is zero by sparsity. */
    public double[] block(int i, int j) {
        int k = find(i, j);
        return k < 0 ? null : Arrays.copyOfRange(values, 9 * k, 9 * k + 9);
    }

    public int rowStart(int i) {
        return rowStart[i];
    }

    public int rowEnd(int i) {
        return rowStart[i + 1];
    }

    public int blockColumn(int k) {
        return column[k];
    }

    public double blockValue(int k, int a, int b) {
        return values[9 * k + 3 * a + b];
    }

    private int find(int i, int j) {
        int k = Arrays.binarySearch(column, rowStart[i], rowStart[i + 1], j);
        return k >= rowStart[i] ? k : -1;
    }

    /** y = H v. */
    public double[] multiply(double[] v) {
        double[] y = new double[3 * natoms];
        for (int i = 0; i < natoms; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = column[k];
                for (int a = 0; a < 3; a++) {
                    y[3 * i + a] += values[9 * k + 3 * a] * v[3 * j] + values[9 * k + 3 * a + 1] * v[3 * j + 1]
                            + values[9 * k + 3 * a + 2] * v[3 * j + 2];
                }
            }
        }
        return y;
    }

    public DMatrixSparseCSC toSparse() {
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(3 * natoms, 3 * natoms, 9 * column.length);
        for (int i = 0; i < natoms; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        t.addItem(3 * i + a, 3 * column[k] + b, values[9 * k + 3 * a + b]);
                    }
                }
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    public DMatrixRMaj toDense() {
        DMatrixRMaj d = new DMatrixRMaj(3 * natoms, 3 * natoms);
        for (int i = 0; i < natoms; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        d.set(3 * i + a, 3 * column[k] + b, values[9 * k + 3 * a + b]);
                    }
                }
            }
        }
        return d;
    }

    /** Accumulates 3x3 blocks; repeated (i, j) are summed. */
    public static final class Builder {
        private final int natoms;
        private final java.util.HashMap<Long, Integer> index = new java.util.HashMap<>();
        private int[] rows = new int[64];
        private int[] cols = new int[64];
        private double[] vals = new double[9 * 64];
        private int count;

        public Builder(int natoms) {
            this.natoms = natoms;
        }

        /** Adds value to element (3i+a, 3j+b). */
        public void add(int i, int a, int j, int b, double value) {
            int k = slot(i, j);
            vals[9 * k + 3 * a + b] += value;
        }

        /** Adds a row-major 3x3 block scaled by factor to block (i, j). */
        public void addBlock(int i, int j, double[] block, double factor) {
            int k = slot(i, j);
            for (int c = 0; c < 9; c++) {
                vals[9 * k + c] += factor * block[c];
            }
        }

        private int slot(int i, int j) {
            long key = ((long) i << 32) | (j & 0xffffffffL);
            Integer k = index.get(key);
            if (k != null) {
                return k;
            }
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, 2 * count);
                cols = Arrays.copyOf(cols, 2 * count);
                vals = Arrays.copyOf(vals, 18 * count);
            }
            rows[count] = i;
            cols[count] = j;
            index.put(key, count);
            return count++;
        }

        public BlockHessian build() {
            Integer[] order = new Integer[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (x, y) -> rows[x] != rows[y] ? Integer.compare(rows[x], rows[y])
                    : Integer.compare(cols[x], cols[y]));
            int[] rowStart = new int[natoms + 1];
            int[] column = new int[count];
            double[] values = new double[9 * count];
            for (int n = 0; n < count; n++) {
                int k = order[n];
                rowStart[rows[k] + 1]++;
                column[n] = cols[k];
                System.arraycopy(vals, 9 * k, values, 9 * n, 9);
            }
            for (int i = 0; i < natoms; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            return new BlockHessian(natoms, rowStart, column, values);
        }
    }
}
