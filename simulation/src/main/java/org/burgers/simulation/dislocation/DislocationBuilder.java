package org.burgers.simulation.dislocation;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.elastic.ElasticTensor;
import org.burgers.simulation.dislocation.elastic.StrohIntegral;
import org.burgers.simulation.dislocation.periodic.Dipole;
import org.burgers.simulation.dislocation.periodic.PeriodicDislocationField;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Supercell;
import org.burgers.simulation.relax.MoveMask;

/**
 * Builds the periodic predictor configurations of section 2.2 and 3.1: a dipole in a training cell of size
 * {@code L} and a quadrupole in a simulation cell of size {@code N} (both in units of the lattice constant
 * r0; the in-plane cell is the nearest whole number of lattice periods, one period along the line).
 *
 * <ul>
 * <li>dipole: {@code +b} near (Lx/4, Ly/2) and {@code -b} near (3Lx/4, Ly/2); the slipped segment of length
 * about Lx/2 is taken up by the cell (second cell vector shifted by about -b/2, atoms mapped affinely: the
 * quadrupolar arrangement of Cai et al. 2003).</li>
 * <li>quadrupole: four cores near (Lx/4, Ly/4) +b, (3Lx/4, Ly/4) -b, (Lx/4, 3Ly/4) -b, (3Lx/4, 3Ly/4) +b, so
 * each has four nearest neighbours of opposite sign and the two slipped segments cancel.</li>
 * </ul>
 * Systems with {@link Arrangement#DIAGONAL} (w-mixed) instead put the partners diagonally, join them by a cut
 * bent through a corner and remove the strip of sites its climb segment closes over ({@link DiagonalLayout});
 * their quadrupole of size N is two dipole cells of size N/sqrt(2) side by side (cell about sqrt(2) N x N/sqrt(2)).
 * The configurations of the other systems are unchanged by that option (byte-identical output).
 * Displacements are the Stroh fields of every core summed over periodic images with the Cai correction
 * ({@link PeriodicDislocationField}), evaluated once per atom column.
 */
public final class DislocationBuilder {
    /** Image count M of the periodic sums (Richardson with 2M). */
    public static final int DEFAULT_IMAGES = 6;
    /** Cores closer than this many lattice constants are refused. */
    public static final double MIN_SEPARATION_R0 = 2.0;
    /**
     * Pinned dipoles fix the z of the columns closer than this (r0) to a core: for a core on a B2 bond centre
     * the two columns of the bond (0.35 r0 away) and the four next to them (0.79 r0), not the next shell (1.06 r0).
     */
    public static final double PIN_RADIUS_R0 = 0.9;

    private DislocationBuilder() {
    }

    public static DislocationConfiguration dipole(DislocationSystem sys, double a0, double[][] voigtCubeGPa,
                                                  double size) {
        return build(sys, a0, voigtCubeGPa, size, false, DEFAULT_IMAGES);
    }

    public static DislocationConfiguration quadrupole(DislocationSystem sys, double a0, double[][] voigtCubeGPa,
                                                      double size) {
        return build(sys, a0, voigtCubeGPa, size, true, DEFAULT_IMAGES);
    }

    static DislocationConfiguration build(DislocationSystem sys, double a0, double[][] voigt, double size,
                                          boolean quadrupole, int images) {
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new InputException("--size must be a positive number of lattice constants, got " + size);
        }
        DislocationSystem.checkLatticeVector(org.burgers.simulation.lattice.Lattice.named(sys.lattice()),
                sys.burgers());
        Crystal crystal = sys.crystal(a0);
        double[] periods = Supercell.periods(crystal, sys.frame());
        boolean diagonal = sys.arrangement() == Arrangement.DIAGONAL;
        // diagonal quadrupole: two dipole cells of size N/sqrt(2) side by side, so the cell area (N^2) and the
        // nearest opposite-core distance (N/2) are those of the checkerboard quadrupoles of the other systems
        double cellSize = diagonal && quadrupole ? size / Math.sqrt(2) : size;
        int nx = Math.max(1, (int) Math.round(cellSize * a0 / periods[0])) * (diagonal && quadrupole ? 2 : 1);
        int ny = Math.max(1, (int) Math.round(cellSize * a0 / periods[1]));
        double lx = nx * periods[0];
        double ly = ny * periods[1];
        double separation = diagonal ? Math.hypot(lx / (quadrupole ? 4 : 2), ly / 2)
                : Math.min(lx, quadrupole ? ly : 2 * ly) / 2;
        if (separation < MIN_SEPARATION_R0 * a0) {
            throw new InputException(String.format(java.util.Locale.ROOT,
                    "--size %.3g r0 gives a %.2f x %.2f A cell, too small for the core separation: cores would be "
                            + "%.2f A (%.2f r0) apart, need at least %.1f r0 (size >= %.1f)", size, lx, ly, separation,
                    separation / a0, MIN_SEPARATION_R0,
                    2 * MIN_SEPARATION_R0 * (diagonal && quadrupole ? Math.sqrt(2) : 1)));
        }
        Supercell sc = Supercell.build(crystal, sys.frame(), nx, ny, 1);
        double[] q = sc.rotation();
        double[] bCube = sys.burgers();
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += q[3 * i + j] * bCube[j] * a0;
            }
        }
        double[] flat = new double[36];
        for (int i = 0; i < 6; i++) {
            if (voigt[i].length != 6) {
                throw new InputException("elastic constants must be a 6x6 Voigt matrix");
            }
            System.arraycopy(voigt[i], 0, flat, 6 * i, 6);
        }
        ElasticTensor cFrame = ElasticTensor.fromVoigt(flat).rotated(q);
        StrohIntegral field = new StrohIntegral(cFrame, b);
        double[] lattice = sc.latticePositions();
        Columns cols = new Columns(lattice, sc.sublattice(), lx, ly);
        double pz = sc.periods()[2];

        List<Dipole> dipoles = new ArrayList<>();
        List<DislocationCore> cores = new ArrayList<>();
        DiagonalLayout layout = null;
        List<DislocationCore> vertices = null;   // screw cores before a bond-centre shift, for the size check
        if (diagonal) {
            layout = new DiagonalLayout(cols, lx, ly, field, quadrupole ? 2 : 1);
            dipoles.addAll(layout.dipoles);
            for (int k = 0; k < layout.plus.size(); k++) {
                cores.add(core(layout.plus.get(k), b, 1));
                cores.add(core(layout.minus.get(k), b, -1));
            }
        } else if (quadrupole) {
            double[] p1 = CorePlacement.place(cols, lx / 4, ly / 4, field, 1, Double.NaN, pz);
            double[] p2 = CorePlacement.place(cols, 3 * lx / 4, p1[1], field, -1,
                    CorePlacement.isScrew(b) ? Double.NaN : p1[1], pz);
            double[] p3;
            double[] p4;
            if (CorePlacement.isScrew(b)) {
                // each core where its own sign has an easy core; the small net slip left over is carried
                // by the cell tilt (an easy -b core is not a lattice translation of an easy +b core in bcc)
                p3 = CorePlacement.place(cols, lx / 4, 3 * ly / 4, field, -1, Double.NaN, pz);
                p4 = CorePlacement.place(cols, 3 * lx / 4, p3[1], field, 1, Double.NaN, pz);
            } else {
                // the first dipole moved by a lattice translation of about Ly/2 with signs swapped: the two
                // slipped segments cancel exactly and every cut stays between the same kind of planes
                double[] t = CorePlacement.translationNear(cols, 0, ly / 2);
                p3 = new double[] {p1[0] + t[0], p1[1] + t[1]};
                p4 = new double[] {p2[0] + t[0], p2[1] + t[1]};
            }
            if (CorePlacement.isScrew(b)) {
                // B2 [001]: from the square centres to the stable Ni-Al bond centres (after all four vertices
                // are chosen, so the choice of vertices is that of every other screw system); the size check
                // stays on the vertices (the shift is half a column spacing)
                vertices = List.of(core(p1, b, 1), core(p2, b, -1), core(p3, b, -1), core(p4, b, 1));
                p1 = CorePlacement.bondCentreOfMixedSquare(cols, p1, Math.signum(b[2]));
                p2 = CorePlacement.bondCentreOfMixedSquare(cols, p2, -Math.signum(b[2]));
                p3 = CorePlacement.bondCentreOfMixedSquare(cols, p3, -Math.signum(b[2]));
                p4 = CorePlacement.bondCentreOfMixedSquare(cols, p4, Math.signum(b[2]));
            }
            dipoles.add(new Dipole(field, p1, p2));
            dipoles.add(new Dipole(field, p4, p3));
            cores.add(core(p1, b, 1));
            cores.add(core(p2, b, -1));
            cores.add(core(p3, b, -1));
            cores.add(core(p4, b, 1));
        } else {
            double[] p1 = CorePlacement.place(cols, lx / 4, ly / 2, field, 1, Double.NaN, pz);
            double[] p2 = CorePlacement.place(cols, 3 * lx / 4, p1[1], field, -1,
                    CorePlacement.isScrew(b) ? Double.NaN : p1[1], pz);
            if (pinsDipoleCores(sys, b)) {
                // B2 [001] screw dipoles annihilate when relaxed freely at every training size below 30 r0
                // (docs/dislocations.md): the cores sit on the Ni-Al bond centres of the quadrupole and the
                // z of the columns around them is held (pinned, below)
                vertices = List.of(core(p1, b, 1), core(p2, b, -1));
                p1 = CorePlacement.bondCentreOfMixedSquare(cols, p1, Math.signum(b[2]));
                p2 = CorePlacement.bondCentreOfMixedSquare(cols, p2, -Math.signum(b[2]));
            }
            dipoles.add(new Dipole(field, p1, p2));
            cores.add(core(p1, b, 1));
            cores.add(core(p2, b, -1));
        }
        checkSeparation(vertices != null ? vertices : cores, lx, ly, a0);
        PeriodicDislocationField periodic = new PeriodicDislocationField(dipoles, new double[] {lx, 0},
                new double[] {0, ly}, new double[] {0, 0}, images);
        double[] beta = periodic.plasticDistortion();

        double[] colU = new double[3 * cols.size()];
        double[] u = new double[3];
        for (int c = 0; c < cols.size(); c++) {
            periodic.displacement(cols.x[c], cols.y[c], u);
            System.arraycopy(u, 0, colU, 3 * c, 3);
        }
        // sites kept: all, except those of the strips the climb segments of diagonal cuts close over
        boolean[] removedColumn = new boolean[cols.size()];
        if (layout != null) {
            for (int c = 0; c < cols.size(); c++) {
                removedColumn[c] = layout.removed(cols.x[c], cols.y[c], lx, ly);
            }
        }
        // pinned dipoles (B2 screws): the z of the sites of the columns near a core is held
        boolean[] pinnedColumn = !quadrupole && pinsDipoleCores(sys, b)
                ? pinnedCoreColumns(cols, cores, lx, ly, PIN_RADIUS_R0 * a0) : null;
        int sites = sc.size();
        int n = 0;
        for (int i = 0; i < sites; i++) {
            n += removedColumn[cols.columnOf[i]] ? 0 : 1;
        }
        double[] x = new double[3 * n];
        double[] keptSites = new double[3 * n];
        org.burgers.core.structure.Element[] allElements = sc.structure().elements();
        org.burgers.core.structure.Element[] elements = new org.burgers.core.structure.Element[n];
        boolean[] fixed = pinnedColumn != null ? new boolean[3 * n] : null;
        int a = 0;
        for (int i = 0; i < sites; i++) {
            int c = cols.columnOf[i];
            if (removedColumn[c]) {
                continue;
            }
            for (int d = 0; d < 3; d++) {
                double s = lattice[3 * i + d] + colU[3 * c + d];
                for (int e = 0; e < 3; e++) {
                    s += beta[3 * d + e] * lattice[3 * i + e];
                }
                x[3 * a + d] = s;
                keptSites[3 * a + d] = lattice[3 * i + d];
            }
            if (fixed != null) {
                fixed[3 * a + 2] = pinnedColumn[c];
            }
            elements[a++] = allElements[i];
        }
        double[] ref = sc.structure().cell().matrix();
        double[] tilted = new double[9];
        for (int k = 0; k < 3; k++) {
            for (int d = 0; d < 3; d++) {
                double s = ref[3 * k + d];
                for (int e = 0; e < 3; e++) {
                    s += beta[3 * d + e] * ref[3 * k + e];
                }
                tilted[3 * k + d] = s;
            }
        }
        Structure s = new Structure(x, elements, Cell.periodic(tilted))
                .withArray(Supercell.LATTICE_ARRAY, keptSites).wrapped();
        if (fixed != null) {
            s = s.withArray(MoveMask.ARRAY, MoveMask.array(fixed));
        }
        double[] voigtFlat = flat.clone();
        return new DislocationConfiguration(sys, quadrupole ? "quadrupole" : "dipole", size, a0, s, cores, beta, ref,
                voigtFlat);
    }

    /**
     * Whether the dipole of this system holds its cores by pinning: the [001] screw of B2 (NiAl), whose
     * Peierls resistance is so small (10-30 MPa with the reference EAM) that a freely relaxed dipole below
     * 30 r0 glides together and annihilates (measured at 4, 8 and 20 r0: the relaxed excess energy is the
     * elastic energy of the cell tilt and the Vitek map is empty), so its training cell would hold no core.
     */
    public static boolean pinsDipoleCores(DislocationSystem sys, double[] b) {
        return "b2".equals(sys.lattice()) && CorePlacement.isScrew(b);
    }

    /**
     * The columns of a pinned dipole: those whose lattice position lies within {@code radius} of a core (in the
     * plane, nearest periodic image). The {@link MoveMask} fixes the line (z) coordinate of their sites; every
     * other coordinate, and the in-plane coordinates of the pinned sites, stay free. A core cannot glide
     * without changing the z displacements of the columns around it, so the relaxed cell keeps both cores where
     * they were put: the training-cell minimiser of section 3.1, constrained so that it is a dislocation
     * configuration at all.
     */
    static boolean[] pinnedCoreColumns(Columns cols, List<DislocationCore> cores, double lx, double ly,
                                       double radius) {
        boolean[] pinned = new boolean[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            for (DislocationCore core : cores) {
                double dx = cols.x[c] - core.position()[0];
                double dy = cols.y[c] - core.position()[1];
                dx -= lx * Math.rint(dx / lx);
                dy -= ly * Math.rint(dy / ly);
                pinned[c] |= Math.hypot(dx, dy) < radius;
            }
        }
        return pinned;
    }

    private static DislocationCore core(double[] p, double[] b, int sign) {
        return new DislocationCore(new double[] {p[0], p[1], 0}, new double[] {sign * b[0], sign * b[1], sign * b[2]});
    }

    private static void checkSeparation(List<DislocationCore> cores, double lx, double ly, double a0) {
        for (int i = 0; i < cores.size(); i++) {
            for (int j = 0; j < cores.size(); j++) {
                for (int si = -1; si <= 1; si++) {
                    for (int sj = -1; sj <= 1; sj++) {
                        if (i == j && si == 0 && sj == 0) {
                            continue;
                        }
                        double dx = cores.get(i).position()[0] - cores.get(j).position()[0] + si * lx;
                        double dy = cores.get(i).position()[1] - cores.get(j).position()[1] + sj * ly;
                        if (Math.hypot(dx, dy) < MIN_SEPARATION_R0 * a0) {
                            throw new InputException(String.format(java.util.Locale.ROOT,
                                    "cell %.2f x %.2f A is too small: cores %d and %d (or an image) are %.2f A apart, "
                                            + "need at least %.1f r0 = %.2f A", lx, ly, i, j, Math.hypot(dx, dy),
                                    MIN_SEPARATION_R0, MIN_SEPARATION_R0 * a0));
                        }
                    }
                }
            }
        }
    }
}
