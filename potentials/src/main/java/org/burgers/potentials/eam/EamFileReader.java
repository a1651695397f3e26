package org.burgers.potentials.eam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.burgers.core.InputException;
import org.burgers.core.structure.Element;
import org.burgers.potentials.ParameterReader;

/**
 * Reads the three LAMMPS EAM file formats and maps them onto LAMMPS' internal grid exactly as
 * {@code PairEAM::file2array} (and its eam/alloy, eam/fs variants) does, so that the splines fitted
 * afterwards are LAMMPS' own:
 * <ul>
 * <li>{@code funcfl} ({@code pair_style eam}, DYNAMO single-element files): F(rho), Z(r), rho(r); the pair
 * term is r*phi = 27.2*0.529 * Z_i Z_j (Hartree*Bohr to eV*A). One or more files; the tables of all of them
 * are re-gridded onto the largest spacings with LAMMPS' 4-point Lagrange formula.</li>
 * <li>{@code setfl} ({@code eam/alloy}): F_a, rho_a per element, r*phi_ab for b &lt;= a.</li>
 * <li>Finnis-Sinclair ({@code eam/fs}): as setfl but a density function rho_ab for every ordered pair.</li>
 * </ul>
 */
public final class EamFileReader {
    private static final double HARTREE_BOHR = 27.2 * 0.529;   // LAMMPS' constant for funcfl Z_i Z_j
    private static final double SIXTH = 1.0 / 6.0;

    private EamFileReader() {
    }

    /** A DYNAMO funcfl file as read by LAMMPS: 1-based arrays, as in the file. */
    private record Funcfl(String symbol, int nrho, double drho, int nr, double dr, double cut,
                          double[] frho, double[] zr, double[] rhor) {
    }

    private static Funcfl readFuncfl(ParameterReader in) {
        in.nextLine("comment line");
        String[] l2 = in.nextLine("atomic number and mass");
        if (l2.length < 2) {
            throw in.error("expected 'atomic-number mass [lattice-constant lattice-type]'");
        }
        int z = in.parseInt(l2[0], "atomic number");
        in.parse(l2[1], "mass");
        String symbol;
        try {
            symbol = Element.of(z).symbol();
        } catch (InputException e) {
            throw in.error("unknown atomic number " + z);
        }
        String[] l3 = in.nextLine("'Nrho drho Nr dr cutoff'");
        if (l3.length < 5) {
            throw in.error("expected 'Nrho drho Nr dr cutoff', found " + l3.length + " values");
        }
        int nrho = in.parseInt(l3[0], "Nrho");
        double drho = in.parse(l3[1], "drho");
        int nr = in.parseInt(l3[2], "Nr");
        double dr = in.parse(l3[3], "dr");
        double cut = in.parse(l3[4], "cutoff");
        checkGrid(in, nrho, drho, nr, dr, cut);
        double[] frho = new double[nrho + 1];
        double[] zr = new double[nr + 1];
        double[] rhor = new double[nr + 1];
        in.numbers(frho, 1, nrho, "F(rho)");
        in.numbers(zr, 1, nr, "Z(r)");
        in.numbers(rhor, 1, nr, "rho(r)");
        return new Funcfl(symbol, nrho, drho, nr, dr, cut, frho, zr, rhor);
    }

    private static void checkGrid(ParameterReader in, int nrho, double drho, int nr, double dr, double cut) {
        // LAMMPS' 5-point derivative stencil needs at least 5 knots
        if (nrho < 5 || nr < 5) {
            throw in.error("Nrho and Nr must be at least 5 (found " + nrho + ", " + nr + ")");
        }
        if (!(drho > 0) || !(dr > 0) || !(cut > 0)) {
            throw in.error("drho, dr and cutoff must be positive (found " + drho + ", " + dr + ", " + cut + ")");
        }
    }

    /** {@code pair_style eam} with one funcfl file per element (LAMMPS' file2array for funcfl). */
    public static EamTables funcfl(List<ParameterReader> files) {
        List<Funcfl> ff = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParameterReader in : files) {
            Funcfl f = readFuncfl(in);
            if (!seen.add(f.symbol())) {
                throw new InputException(in.name() + ": element " + f.symbol() + " is given by two funcfl files");
            }
            ff.add(f);
        }
        double dr = 0, drho = 0, rmax = 0, rhomax = 0, cut = 0;
        for (Funcfl f : ff) {
            dr = Math.max(dr, f.dr());
            drho = Math.max(drho, f.drho());
            rmax = Math.max(rmax, (f.nr() - 1) * f.dr());
            rhomax = Math.max(rhomax, (f.nrho() - 1) * f.drho());
            cut = Math.max(cut, f.cut());
        }
        // "0.5 is for round-off in divide" (LAMMPS): the common grid has one knot fewer than the file
        int nr = (int) (rmax / dr + 0.5);
        int nrho = (int) (rhomax / drho + 0.5);
        int ne = ff.size();
        double[][] frho = new double[ne][nrho];
        double[][][] rho = new double[ne][ne][];
        double[][][] z2r = new double[ne][ne][];
        for (int e = 0; e < ne; e++) {
            Funcfl f = ff.get(e);
            for (int m = 1; m <= nrho; m++) {
                frho[e][m - 1] = lagrange(f.frho(), f.nrho(), f.drho(), (m - 1) * drho);
            }
            double[] rr = new double[nr];
            for (int m = 1; m <= nr; m++) {
                rr[m - 1] = lagrange(f.rhor(), f.nr(), f.dr(), (m - 1) * dr);
            }
            // funcfl densities depend on the source element only
            for (int dst = 0; dst < ne; dst++) {
                rho[e][dst] = rr;
            }
        }
        for (int i = 0; i < ne; i++) {
            for (int j = 0; j <= i; j++) {
                double[] t = new double[nr];
                for (int m = 1; m <= nr; m++) {
                    double r = (m - 1) * dr;
                    double zi = lagrange(ff.get(i).zr(), ff.get(i).nr(), ff.get(i).dr(), r);
                    double zj = lagrange(ff.get(j).zr(), ff.get(j).nr(), ff.get(j).dr(), r);
                    t[m - 1] = HARTREE_BOHR * zi * zj;
                }
                z2r[i][j] = t;
                z2r[j][i] = t;
            }
        }
        List<String> elements = new ArrayList<>();
        for (Funcfl f : ff) {
            elements.add(f.symbol());
        }
        String name = files.size() == 1 ? files.get(0).name() : files.stream().map(ParameterReader::name).toList().toString();
        return new EamTables(name, List.copyOf(elements), nrho, drho, rhomax, nr, dr, cut, frho, rho, z2r);
    }

    /** LAMMPS' 4-point Lagrange interpolation of a 1-based table a[1..n] with spacing d at x (file2array). */
    private static double lagrange(double[] a, int n, double d, double x) {
        double p = x / d + 1.0;
        int k = (int) p;
        k = Math.min(k, n - 2);
        k = Math.max(k, 2);
        p -= k;
        p = Math.min(p, 2.0);
        double cof1 = -SIXTH * p * (p - 1.0) * (p - 2.0);
        double cof2 = 0.5 * (p * p - 1.0) * (p - 2.0);
        double cof3 = -0.5 * p * (p + 1.0) * (p - 2.0);
        double cof4 = SIXTH * p * (p * p - 1.0);
        return cof1 * a[k - 1] + cof2 * a[k] + cof3 * a[k + 1] + cof4 * a[k + 2];
    }

    /** {@code pair_style eam/alloy} (setfl). */
    public static EamTables setfl(ParameterReader in) {
        return multi(in, false);
    }

    /** {@code pair_style eam/fs} (Finnis-Sinclair). */
    public static EamTables finnisSinclair(ParameterReader in) {
        return multi(in, true);
    }

    private static EamTables multi(ParameterReader in, boolean fs) {
        for (int k = 0; k < 3; k++) {
            in.nextLine("comment line " + (k + 1));
        }
        String[] l4 = in.nextLine("'Nelements Element1 Element2 ...'");
        if (l4.length < 2) {
            throw in.error("expected 'Nelements Element1 Element2 ...'");
        }
        int ne = in.parseInt(l4[0], "Nelements");
        if (ne < 1 || l4.length != ne + 1) {
            throw in.error("line says " + l4[0] + " elements but names " + (l4.length - 1));
        }
        List<String> elements = new ArrayList<>();
        for (int e = 0; e < ne; e++) {
            if (!Element.isKnown(l4[e + 1])) {
                throw in.error("unknown element '" + l4[e + 1] + "'");
            }
            if (elements.contains(l4[e + 1])) {
                throw in.error("element " + l4[e + 1] + " is listed twice");
            }
            elements.add(l4[e + 1]);
        }
        String[] l5 = in.nextLine("'Nrho drho Nr dr cutoff'");
        if (l5.length < 5) {
            throw in.error("expected 'Nrho drho Nr dr cutoff', found " + l5.length + " values");
        }
        int nrho = in.parseInt(l5[0], "Nrho");
        double drho = in.parse(l5[1], "drho");
        int nr = in.parseInt(l5[2], "Nr");
        double dr = in.parse(l5[3], "dr");
        double cut = in.parse(l5[4], "cutoff");
        checkGrid(in, nrho, drho, nr, dr, cut);
        double[][] frho = new double[ne][];
        double[][][] rho = new double[ne][ne][];
        for (int e = 0; e < ne; e++) {
            String[] head = in.nextLine("header line of element " + elements.get(e));
            if (head.length < 2) {
                throw in.error("expected 'atomic-number mass lattice-constant lattice-type' for element "
                        + elements.get(e));
            }
            in.parseInt(head[0], "atomic number of " + elements.get(e));
            in.parse(head[1], "mass of " + elements.get(e));
            frho[e] = in.numbers(nrho, "F(rho) of " + elements.get(e));
            if (fs) {
                // block of element e: rho_{e,b} for b = 1..N; LAMMPS adds it to the density of b-atoms
                for (int b = 0; b < ne; b++) {
                    rho[e][b] = in.numbers(nr, "rho_" + elements.get(e) + elements.get(b) + "(r)");
                }
            } else {
                double[] r = in.numbers(nr, "rho(r) of " + elements.get(e));
                for (int b = 0; b < ne; b++) {
                    rho[e][b] = r;
                }
            }
        }
        double[][][] z2r = new double[ne][ne][];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b <= a; b++) {
                z2r[a][b] = in.numbers(nr, "r*phi(r) of " + elements.get(a) + "-" + elements.get(b));
                z2r[b][a] = z2r[a][b];
            }
        }
        // setfl and fs keep the file's grid (LAMMPS: rhomax = (nrho-1)*drho)
        return new EamTables(in.name(), List.copyOf(elements), nrho, drho, (nrho - 1) * drho, nr, dr, cut,
                frho, rho, z2r);
    }
}
