package org.burgers.simulation.lattice;

import java.util.Arrays;
import java.util.Locale;
import org.burgers.core.InputException;

/**
 * A crystal lattice with a basis, in units of its lattice constant: the conventional cell (rows are the
 * cell vectors, Cartesian, multiplied by {@code a}) and the basis sites in fractional coordinates of that
 * cell, each on a numbered sublattice (the species of a sublattice is chosen by {@link Crystal}).
 *
 * <p>Miller directions {@code [uvw]} are taken in the conventional cell: {@code u a1 + v a2 + w a3}.
 *
 * @param name        lower-case name ("bcc", "fcc", "diamond", "b2", or a user's)
 * @param cell        conventional cell for a = 1, row-major 3x3 (rows are a1, a2, a3)
 * @param basis       fractional coordinates of the sites in the conventional cell, flat (3 per site)
 * @param sublattice  sublattice index of each site (0 .. sublattices()-1)
 */
public record Lattice(String name, double[] cell, double[] basis, int[] sublattice) {

    private static final double[] CUBIC = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    public Lattice {
        if (cell.length != 9) {
            throw new IllegalArgumentException("a lattice cell needs 9 numbers");
        }
        if (basis.length == 0 || basis.length % 3 != 0 || basis.length / 3 != sublattice.length) {
            throw new IllegalArgumentException("lattice '" + name + "': " + basis.length / 3 + " basis sites but "
                    + sublattice.length + " sublattice labels");
        }
        cell = cell.clone();
        basis = basis.clone();
        sublattice = sublattice.clone();
        int max = Arrays.stream(sublattice).max().orElse(0);
        for (int k = 0; k <= max; k++) {
            final int kk = k;
            if (Arrays.stream(sublattice).noneMatch(s -> s == kk) || Arrays.stream(sublattice).anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException("lattice '" + name + "': sublattice labels must be 0..n-1");
            }
        }
    }

    /** Body-centred cubic: one sublattice, sites (0,0,0) and (1/2,1/2,1/2). */
    public static Lattice bcc() {
        return new Lattice("bcc", CUBIC, new double[] {0, 0, 0, 0.5, 0.5, 0.5}, new int[] {0, 0});
    }

    /** Face-centred cubic: one sublattice, four sites in the cube. */
    public static Lattice fcc() {
        return new Lattice("fcc", CUBIC, new double[] {0, 0, 0, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0}, new int[4]);
    }

    /**
     * Diamond: two fcc sublattices shifted by (1/4,1/4,1/4); sublattice 0 and 1 (the same species for Si,
     * different for zincblende).
     */
    public static Lattice diamond() {
        double[] f = {0, 0, 0, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0};
        double[] b = new double[24];
        int[] sub = new int[8];
        for (int k = 0; k < 4; k++) {
            for (int d = 0; d < 3; d++) {
                b[3 * k + d] = f[3 * k + d];
                b[12 + 3 * k + d] = f[3 * k + d] + 0.25;
            }
            sub[4 + k] = 1;
        }
        return new Lattice("diamond", CUBIC, b, sub);
    }

    /** B2 (CsCl): sublattice 0 at the cube corner, sublattice 1 at the body centre (NiAl: Ni, Al). */
    public static Lattice b2() {
        return new Lattice("b2", CUBIC, new double[] {0, 0, 0, 0.5, 0.5, 0.5}, new int[] {0, 1});
    }

    /** A lattice by name: bcc, fcc, diamond or b2 (case-insensitive). */
    public static Lattice named(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "bcc":
                return bcc();
            case "fcc":
                return fcc();
            case "diamond":
                return diamond();
            case "b2":
            case "cscl":
                return b2();
            default:
                throw new InputException("unknown lattice '" + name + "' (known: bcc, fcc, diamond, b2)");
        }
    }

    public int sites() {
        return sublattice.length;
    }

    public int sublattices() {
        return Arrays.stream(sublattice).max().orElse(0) + 1;
    }

    @Override
    public double[] cell() {
        return cell.clone();
    }

    @Override
    public double[] basis() {
        return basis.clone();
    }

    @Override
    public int[] sublattice() {
        return sublattice.clone();
    }

    /** Component {@code j} of cell vector {@code i} for a = 1. */
    double cellAt(int i, int j) {
        return cell[3 * i + j];
    }

    double basisAt(int site, int d) {
        return basis[3 * site + d];
    }

    int sublatticeOf(int site) {
        return sublattice[site];
    }

    /** The Cartesian vector (a = 1) of fractional coordinates (f1, f2, f3) of the conventional cell. */
    double[] cartesian(double f1, double f2, double f3) {
        double[] r = new double[3];
        for (int j = 0; j < 3; j++) {
            r[j] = f1 * cell[j] + f2 * cell[3 + j] + f3 * cell[6 + j];
        }
        return r;
    }

    /**
     * The pure translations of the lattice inside the conventional cell, as fractional vectors in [0,1)^3:
     * the differences {@code b_j - b_0} that map every site onto a site of the same sublattice. Always
     * contains (0,0,0); bcc adds (1/2,1/2,1/2), fcc and diamond the three face centres, B2 nothing.
     */
    double[][] translations() {
        int n = sites();
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (sublattice[j] != sublattice[0]) {
                continue;
            }
            double[] t = new double[3];
            for (int d = 0; d < 3; d++) {
                t[d] = frac(basis[3 * j + d] - basis[d]);
            }
            if (mapsOntoItself(t)) {
                out.add(t);
            }
        }
        return out.toArray(new double[0][]);
    }

    private boolean mapsOntoItself(double[] t) {
        for (int i = 0; i < sites(); i++) {
            boolean found = false;
            for (int k = 0; k < sites() && !found; k++) {
                if (sublattice[k] == sublattice[i]) {
                    found = integral(basis[3 * i] + t[0] - basis[3 * k])
                            && integral(basis[3 * i + 1] + t[1] - basis[3 * k + 1])
                            && integral(basis[3 * i + 2] + t[2] - basis[3 * k + 2]);
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every site is a pure translation of site 0 (bcc, fcc): a Bravais lattice, whose atoms follow
     * a homogeneous strain affinely. Diamond and B2 are not (multilattices with internal shifts).
     */
    public boolean isBravais() {
        return translations().length == sites();
    }

    static final double TOL = 1e-8;

    static boolean integral(double x) {
        return Math.abs(x - Math.rint(x)) < TOL;
    }

    static double frac(double x) {
        double f = x - Math.floor(x);
        return f > 1 - TOL ? 0 : f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && name.equals(l.name) && Arrays.equals(cell, l.cell)
                && Arrays.equals(basis, l.basis) && Arrays.equals(sublattice, l.sublattice);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(basis);
    }

    @Override
    public String toString() {
        return "Lattice[" + name + ", " + sites() + " sites]";
    }
}
