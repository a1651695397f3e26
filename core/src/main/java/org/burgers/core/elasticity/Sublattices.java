package org.burgers.core.elasticity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;

/**
 * The Bravais sublattices of a periodic crystal cell: atoms i and j lie on the same sublattice when
 * {@code x_j - x_i} is a translation that maps the whole crystal onto itself (every atom onto an atom of the
 * same species). A homogeneous deformation with internal relaxation moves the sublattices rigidly against each
 * other, so these are the shift variables of the multilattice Cauchy-Born energy density W(F, p) (Olson,
 * Ortner, Wang, Zhang, Multiscale Model. Simul. 21 (2023)). The conventional cells give: bcc and fcc one
 * sublattice, B2 and diamond two.
 *
 * @param of sublattice of every atom, numbered in order of first appearance (atom 0 is on sublattice 0)
 * @param count number of sublattices
 */
public record Sublattices(int[] of, int count) {
    /** Fractional tolerance for "maps onto an atom". */
    private static final double TOLERANCE = 1e-6;

    public Sublattices {
        of = of.clone();
    }

    @Override
    public int[] of() {
        return of.clone();
    }

    public static Sublattices of(Structure cell) {
        if (!cell.cell().fullyPeriodic()) {
            throw new InputException("sublattices need a cell periodic along all three axes");
        }
        int n = cell.size();
        double[] s = cell.cell().toFractional(cell.positions());
        // the translations (fractional) that map the crystal onto itself: candidates x_j - x_0
        List<double[]> symmetries = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (!cell.element(j).equals(cell.element(0))) {
                continue;
            }
            double[] t = {s[3 * j] - s[0], s[3 * j + 1] - s[1], s[3 * j + 2] - s[2]};
            if (mapsOntoItself(cell, s, t)) {
                symmetries.add(t);
            }
        }
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] >= 0) {
                continue;
            }
            label[i] = count;
            for (double[] t : symmetries) {
                int j = find(cell, s, i, t);
                if (j < 0) {
                    throw new IllegalStateException("a lattice translation does not map atom " + i + " onto an atom");
                }
                label[j] = count;
            }
            count++;
        }
        return new Sublattices(label, count);
    }

    /** The number of atoms on sublattice k. */
    public int size(int k) {
        int c = 0;
        for (int v : of) {
            c += v == k ? 1 : 0;
        }
        return c;
    }

    private static boolean mapsOntoItself(Structure cell, double[] s, double[] t) {
        for (int i = 0; i < cell.size(); i++) {
            if (find(cell, s, i, t) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The atom of atom i's species at s_i + t (modulo the cell), or -1. */
    private static int find(Structure cell, double[] s, int i, double[] t) {
        for (int j = 0; j < cell.size(); j++) {
            if (!cell.element(j).equals(cell.element(i))) {
                continue;
            }
            boolean same = true;
            for (int a = 0; a < 3 && same; a++) {
                double d = s[3 * j + a] - s[3 * i + a] - t[a];
                same = Math.abs(d - Math.rint(d)) < TOLERANCE;
            }
            if (same) {
                return j;
            }
        }
        return -1;
    }

    /** The shortest distance between two atoms of the crystal (over the 27 nearest images), in A. */
    public static double nearestNeighbourDistance(Structure cell) {
        Cell c = cell.cell();
        double[] x = cell.positions();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < cell.size(); i++) {
            for (int j = 0; j < cell.size(); j++) {
                for (int u = -1; u <= 1; u++) {
                    for (int v = -1; v <= 1; v++) {
                        for (int w = -1; w <= 1; w++) {
                            if (i == j && u == 0 && v == 0 && w == 0) {
                                continue;
                            }
                            double d2 = 0;
                            for (int a = 0; a < 3; a++) {
                                double d = x[3 * j + a] - x[3 * i + a] + u * c.get(0, a) + v * c.get(1, a) + w * c.get(2, a);
                                d2 += d * d;
                            }
                            best = Math.min(best, d2);
                        }
                    }
                }
            }
        }
        return Math.sqrt(best);
    }
}
