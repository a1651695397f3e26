package org.burgers.simulation.lattice;

import java.util.Arrays;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * A periodic, orthorhombic supercell of a crystal whose axes x, y, z lie along three orthogonal Miller
 * directions. Each axis is a whole number of periods, where the period of a direction {@code [uvw]} is the
 * shortest lattice translation along it (computed from the lattice's own translations: 1/2[111] in bcc,
 * [111] in B2, 1/2[110] in fcc and diamond), so the cell is exactly commensurate with the crystal.
 *
 * <p>The structure carries the perfect-lattice site of every atom as the per-atom array
 * {@value #LATTICE_ARRAY} (3 numbers per atom, equal to the initial positions): the reference
 * configuration that displacement fields and stencils are measured from. Atoms are ordered by fractional
 * coordinate z, then y, then x, for reproducibility.
 *
 * @param crystal     the crystal
 * @param orientation the Miller directions of x, y, z
 * @param repeats     periods along x, y, z
 * @param periods     length (A) of one period along x, y, z
 * @param rotation    row-major 3x3 Q taking crystal-frame vectors to the supercell frame (rows are the
 *                    unit vectors of the three directions in the crystal frame)
 * @param sublattice  sublattice index of every atom
 * @param structure   the supercell
 */
public record Supercell(Crystal crystal, Orientation orientation, int[] repeats, double[] periods,
                        double[] rotation, int[] sublattice, Structure structure) {

    /** Name of the per-atom array holding the perfect-lattice positions. */
    public static final String LATTICE_ARRAY = "lattice";

    private static final int MAX_DENOMINATOR = 48;
    private static final double EPS = 1e-9;

    /** The supercell with the given number of periods along x, y and z. */
    public static Supercell build(Crystal crystal, Orientation orientation, int nx, int ny, int nz) {
        int[] n = {nx, ny, nz};
        for (int k = 0; k < 3; k++) {
            if (n[k] < 1) {
                throw new InputException("supercell repeat along axis " + "xyz".charAt(k) + " must be >= 1, got " + n[k]);
            }
        }
        Lattice lat = crystal.lattice();
        double[][] rep = periodVectors(lat, orientation);   // fractional (conventional) period vectors
        double[] periods = new double[3];
        double[] q = new double[9];
        for (int k = 0; k < 3; k++) {
            double[] c = lat.cartesian(rep[k][0], rep[k][1], rep[k][2]);
            double len = Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
            periods[k] = crystal.a() * len;
            for (int d = 0; d < 3; d++) {
                q[3 * k + d] = c[d] / len;
            }
        }
        // the supercell matrix in conventional fractional coordinates: rows n_k R_k
        double[] m = new double[9];
        for (int k = 0; k < 3; k++) {
            for (int d = 0; d < 3; d++) {
                m[3 * k + d] = n[k] * rep[k][d];
            }
        }
        double det = det(m);
        double expected = Math.abs(det) * lat.sites();
        long natoms = Math.round(expected);
        if (Math.abs(expected - natoms) > 1e-6) {
            throw new IllegalStateException("supercell holds a non-integer number of sites " + expected);
        }
        if (natoms > Integer.MAX_VALUE / 3) {
            throw new InputException("supercell of " + natoms + " atoms is too large");
        }
        double[] minv = invert(m, det);
        // bounding box (in conventional cells) of the supercell's eight corners
        int[] lo = new int[3], hi = new int[3];
        for (int d = 0; d < 3; d++) {
            double mn = 0, mx = 0;
            for (int corner = 1; corner < 8; corner++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    if ((corner >> k & 1) == 1) {
                        v += m[3 * k + d];
                    }
                }
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            lo[d] = (int) Math.floor(mn) - 1;
            hi[d] = (int) Math.ceil(mx) + 1;
        }
        int count = (int) natoms;
        double[] frac = new double[3 * count];
        int[] sub = new int[count];
        int found = 0;
        for (int i = lo[0]; i <= hi[0]; i++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int l = lo[2]; l <= hi[2]; l++) {
                    for (int b = 0; b < lat.sites(); b++) {
                        double f0 = i + lat.basisAt(b, 0), f1 = j + lat.basisAt(b, 1), f2 = l + lat.basisAt(b, 2);
                        double s0 = f0 * minv[0] + f1 * minv[3] + f2 * minv[6];
                        double s1 = f0 * minv[1] + f1 * minv[4] + f2 * minv[7];
                        double s2 = f0 * minv[2] + f1 * minv[5] + f2 * minv[8];
                        if (inside(s0) && inside(s1) && inside(s2)) {
                            if (found == count) {
                                throw new IllegalStateException("more sites than expected in the supercell");
                            }
                            frac[3 * found] = snap(s0);
                            frac[3 * found + 1] = snap(s1);
                            frac[3 * found + 2] = snap(s2);
                            sub[found++] = lat.sublatticeOf(b);
                        }
                    }
                }
            }
        }
        if (found != count) {
            throw new IllegalStateException("found " + found + " sites, expected " + count);
        }
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (u, v) -> {
            for (int d = 2; d >= 0; d--) {
                int c = Double.compare(frac[3 * u + d], frac[3 * v + d]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(sub[u], sub[v]);
        });
        double[] len = {n[0] * periods[0], n[1] * periods[1], n[2] * periods[2]};
        double[] x = new double[3 * count];
        Element[] el = new Element[count];
        int[] subOut = new int[count];
        for (int k = 0; k < count; k++) {
            int o = order[k];
            for (int d = 0; d < 3; d++) {
                x[3 * k + d] = frac[3 * o + d] * len[d];
            }
            subOut[k] = sub[o];
            el[k] = crystal.element(sub[o]);
        }
        Structure s = new Structure(x, el, Cell.orthorhombic(len[0], len[1], len[2]));
        s = s.withArray(LATTICE_ARRAY, x);
        return new Supercell(crystal, orientation, n.clone(), periods, q, subOut, s);
    }

    /** The period length (A) of each of the three directions, without building a cell. */
    public static double[] periods(Crystal crystal, Orientation orientation) {
        double[][] rep = periodVectors(crystal.lattice(), orientation);
        double[] p = new double[3];
        for (int k = 0; k < 3; k++) {
            double[] c = crystal.lattice().cartesian(rep[k][0], rep[k][1], rep[k][2]);
            p[k] = crystal.a() * Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        }
        return p;
    }

    /**
     * The shortest lattice translation along each direction, in fractional coordinates of the
     * conventional cell; checks that the directions are orthogonal and right-handed.
     */
    static double[][] periodVectors(Lattice lat, Orientation o) {
        double[][] cart = new double[3][];
        for (int k = 0; k < 3; k++) {
            int[] d = o.direction(k);
            cart[k] = lat.cartesian(d[0], d[1], d[2]);
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double dot = cart[a][0] * cart[b][0] + cart[a][1] * cart[b][1] + cart[a][2] * cart[b][2];
                double na = Math.sqrt(cart[a][0] * cart[a][0] + cart[a][1] * cart[a][1] + cart[a][2] * cart[a][2]);
                double nb = Math.sqrt(cart[b][0] * cart[b][0] + cart[b][1] * cart[b][1] + cart[b][2] * cart[b][2]);
                if (Math.abs(dot) > 1e-9 * na * nb) {
                    throw new InputException("Miller directions " + Arrays.toString(o.direction(a)) + " and "
                            + Arrays.toString(o.direction(b)) + " are not orthogonal in lattice '" + lat.name() + "'");
                }
            }
        }
        double triple = cart[0][0] * (cart[1][1] * cart[2][2] - cart[1][2] * cart[2][1])
                - cart[0][1] * (cart[1][0] * cart[2][2] - cart[1][2] * cart[2][0])
                + cart[0][2] * (cart[1][0] * cart[2][1] - cart[1][1] * cart[2][0]);
        if (triple < 0) {
            throw new InputException("Miller directions " + o + " form a left-handed set; negate one of them");
        }
        double[][] translations = lat.translations();
        double[][] rep = new double[3][];
        for (int k = 0; k < 3; k++) {
            int[] d = Orientation.primitive(o.direction(k));
            int best = 1;
            for (int q = MAX_DENOMINATOR; q >= 2; q--) {
                if (isTranslation(d, q, translations)) {
                    best = q;
                    break;
                }
            }
            rep[k] = new double[] {(double) d[0] / best, (double) d[1] / best, (double) d[2] / best};
        }
        return rep;
    }

    /** Whether d/q is a translation of the lattice: d/q - t is integral for one of the cell translations t. */
    private static boolean isTranslation(int[] d, int q, double[][] translations) {
        for (double[] t : translations) {
            if (Lattice.integral((double) d[0] / q - t[0]) && Lattice.integral((double) d[1] / q - t[1])
                    && Lattice.integral((double) d[2] / q - t[2])) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(double s) {
        return s >= -EPS && s < 1 - EPS;
    }

    private static double snap(double s) {
        return Math.abs(s) < EPS ? 0.0 : s;
    }

    private static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    private static double[] invert(double[] a, double d) {
        return new double[] {
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }

    public int size() {
        return structure.size();
    }

    /** The perfect-lattice positions (a copy): the "lattice" array. */
    public double[] latticePositions() {
        return structure.array(LATTICE_ARRAY);
    }

    @Override
    public int[] sublattice() {
        return sublattice.clone();
    }

    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    @Override
    public double[] periods() {
        return periods.clone();
    }

    @Override
    public int[] repeats() {
        return repeats.clone();
    }
}
