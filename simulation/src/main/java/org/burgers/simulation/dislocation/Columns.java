package org.burgers.simulation.dislocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The atom columns of a straight-dislocation cell: the distinct (x, y) of the perfect-lattice sites (the
 * dislocation line is z), each with the height z of its first atom and the atoms it holds. The periodic
 * in-plane cell is {@code [0, lx) x [0, ly)}.
 */
final class Columns {
    final double lx;
    final double ly;
    final double[] x;
    final double[] y;
    final double[] z;
    /** column of every atom */
    final int[] columnOf;
    /** sublattice of every column (of its first atom); all 0 when not given */
    final int[] sublattice;

    Columns(double[] lattice, double lx, double ly) {
        this(lattice, null, lx, ly);
    }

    /** @param atomSublattice sublattice of every atom (null: one sublattice) */
    Columns(double[] lattice, int[] atomSublattice, double lx, double ly) {
        this.lx = lx;
        this.ly = ly;
        int n = lattice.length / 3;
        columnOf = new int[n];
        Map<Long, Integer> index = new HashMap<>();
        List<double[]> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cx = wrap(lattice[3 * i], lx);
            double cy = wrap(lattice[3 * i + 1], ly);
            long key = Math.round(cx * 1e4) * 4_000_000_007L + Math.round(cy * 1e4);
            Integer c = index.get(key);
            if (c == null) {
                c = cols.size();
                index.put(key, c);
                cols.add(new double[] {cx, cy, lattice[3 * i + 2]});
            }
            columnOf[i] = c;
        }
        sublattice = new int[cols.size()];
        if (atomSublattice != null) {
            for (int i = n - 1; i >= 0; i--) {
                sublattice[columnOf[i]] = atomSublattice[i];
            }
        }
        x = new double[cols.size()];
        y = new double[cols.size()];
        z = new double[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            x[c] = cols.get(c)[0];
            y[c] = cols.get(c)[1];
            z[c] = cols.get(c)[2];
        }
    }

    int size() {
        return x.length;
    }

    static double wrap(double v, double l) {
        double w = v - Math.floor(v / l) * l;
        return w >= l - 1e-7 ? 0 : w;
    }

    /** Column positions (with periodic images) within {@code radius} of (px, py): rows {x, y, z, column}. */
    List<double[]> near(double px, double py, double radius) {
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < size(); c++) {
            for (int i = -1; i <= 1; i++) {
                for (int j = -1; j <= 1; j++) {
                    double cx = x[c] + i * lx;
                    double cy = y[c] + j * ly;
                    if (Math.hypot(cx - px, cy - py) <= radius) {
                        out.add(new double[] {cx, cy, z[c], c});
                    }
                }
            }
        }
        return out;
    }

    /** The distinct heights y of the lattice planes normal to y, sorted, in [0, ly). */
    double[] planes() {
        return java.util.Arrays.stream(y).map(v -> Math.round(v * 1e6) / 1e6).distinct().sorted().toArray();
    }
}
