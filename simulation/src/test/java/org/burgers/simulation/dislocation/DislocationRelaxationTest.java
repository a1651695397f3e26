package org.burgers.simulation.dislocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.MoveMask;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predictors of every system relax with their reference potentials (preconditioned L-BFGS, fmax 1e-6 eV/A),
 * the cores stay where they were put (circuits around the original core positions still close on b), and
 * LAMMPS started from our relaxed structure finds it already a minimum.
 */
class DislocationRelaxationTest {
    static final double GPA = 160.21766208;
    static final Map<String, ElasticConstants> CONSTANTS = new HashMap<>();

    @TempDir
    Path tmp;

    static ElasticConstants constants(DislocationSystem sys, Potential p) {
        return CONSTANTS.computeIfAbsent(sys.potential(), k -> Dislocations.constants(sys, p));
    }

    static String[] lammps(DislocationSystem sys) {
        switch (sys.lattice()) {
            case "diamond":
                return new String[] {"tersoff/mod/c", "* * ../shared/potentials/Si.tersoff.modc Si"};
            case "b2":
                return new String[] {"eam/alloy", "* * ../shared/potentials/NiAl_Mishin_2002.eam.alloy.gz Ni Al"};
            default:
                return new String[] {"eam/fs", "* * ../shared/potentials/w_eam4.fs.gz W"};
        }
    }

    RelaxResult relaxAndCheck(DislocationSystem sys, String kind, double size) throws Exception {
        return relaxAndCheck(sys, kind, size, true);
    }

    RelaxResult relaxAndCheck(DislocationSystem sys, String kind, double size, boolean coresStay) throws Exception {
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration conf = Dislocations.predictor(sys, kind, size, constants(sys, p));
        // a 0.01 A rattle breaks the predictor's symmetry, so the relaxation cannot stop on a saddle point
        // that a symmetric start would keep (LAMMPS' CG leaves such points through round-off)
        Structure start = org.burgers.core.testing.Fixtures.rattle(conf.structure(), 0.01, 7);
        RelaxResult r = LbfgsRelaxer.preconditioned()
                .relax(start, p, RelaxOptions.of(1e-6).withMaxSteps(5000).withMaxForceCalls(10000));
        String what = sys.name() + " " + kind + " " + size + " r0 (" + conf.structure().size() + " atoms)";
        assertTrue(r.converged(), what + ": " + r.message() + " fmax " + r.fmax());
        assertTrue(r.fmax() < 1e-6, what);
        // cores stayed: circuits around the predictor's core positions on the relaxed atoms
        DislocationConfiguration relaxed = new DislocationConfiguration(conf.system(), conf.kind(), conf.size(),
                conf.a0(), r.structure(), conf.cores(), conf.plastic(), conf.referenceCell(), conf.voigtGPa());
        for (DislocationCore c : coresStay ? conf.cores() : List.<DislocationCore>of()) {
            double[] fail = DislocationBuilderTest.circuit(relaxed, c.position()[0], c.position()[1], 4.5);
            for (int d = 0; d < 3; d++) {
                assertEquals(c.burgers()[d], fail[d], 0.05, what + " circuit after relaxation");
            }
            if (sys == DislocationSystem.NIAL_SCREW) {
                // the core is still at its site: the centroid of its differential displacements stays within half
                // a column spacing (a/(2 sqrt 2) = 1.01 A) of where it was put (measured <= 0.3 A, the dipole's cores
                // move 0.25 A towards each other); a core that glides to the next site or annihilates fails
                double[] loc = DislocationBuilderTest.coreLocation(relaxed, c.position()[0], c.position()[1], 7);
                double moved = Math.hypot(loc[0] - c.position()[0], loc[1] - c.position()[1]);
                System.out.printf("%s: core %+.0f DD centroid (%+.2f %+.2f) A from where it was put%n", what,
                        Math.signum(c.burgers()[2]), loc[0] - c.position()[0], loc[1] - c.position()[1]);
                // pinned training dipoles (4-8 r0): the partner 6-12 A away adds its own arrows inside the 7 A
                // disc and pulls the centroid towards it (measured 1.56 A at 8 r0, while the circuits close on b):
                // there the bound is one column spacing
                double bound = (MoveMask.of(conf.structure()) != null && size < 20 ? 1 : 0.5) * conf.a0() / Math.sqrt(2);
                assertTrue(moved < bound, what + ": the core moved " + moved + " A");
            }
            if (sys.arrangement() == Arrangement.DIAGONAL) {
                // where the core is now: centroid of its differential displacements (the Vitek map's arrows)
                double[] loc = DislocationBuilderTest.coreLocation(relaxed, c.position()[0], c.position()[1], 7);
                double[] loc0 = DislocationBuilderTest.coreLocation(conf, c.position()[0], c.position()[1], 7);
                // pure edge (w-edge): the centroid of the edge differential displacements is pulled towards the
                // cut and the removed strip already in the predictor (2.8 A at 8 r0), so it is compared with the
                // predictor's own centroid
                boolean edge = Math.abs(c.burgers()[2]) < 1e-9;
                double moved = edge ? Math.hypot(loc[0] - loc0[0], loc[1] - loc0[1])
                        : Math.hypot(loc[0] - c.position()[0], loc[1] - c.position()[1]);
                System.out.printf("%s: DD centroid of the core at (%+.2f %+.2f) A from where it was put, predictor (%+.2f %+.2f)%n",
                        what, loc[0] - c.position()[0], loc[1] - c.position()[1], loc0[0] - c.position()[0], loc0[1] - c.position()[1]);
                // the centroid of the core's differential displacements stays within less than one column
                // spacing (2.57 A) of the site (measured: <= 1.4 A at 10 r0, <= 0.8 A from 20 r0 on; cores that
                // glide away or annihilate leave NaN or several A)
                assertTrue(moved < 2.0, what + ": the core moved " + moved + " A");
            }
        }
        MoveMask mask = MoveMask.of(start);
        if (mask != null) {
            // a pinned cell (B2 screw dipole): the held coordinates did not move; LAMMPS, which knows no pins,
            // would relax them, so the oracle below is for free cells only
            double[] x0 = start.positions(), x = r.structure().positions();
            for (int k = 0; k < x0.length; k++) {
                if (mask.fixed(k)) {
                    assertEquals(x0[k], x[k], 0.0, what + " pinned coordinate " + k + " moved");
                }
            }
            System.out.println(what + ": pinned " + mask.count() + " coordinates; " + r.iterations() + " iterations");
            return r;
        }
        // LAMMPS minimisation from our minimum moves no atom by more than 1e-3 A
        Path xyz = tmp.resolve(sys.name() + "-" + kind + ".xyz");
        ExtXyz.write(xyz, Frame.of(r.structure().withoutArrays()));
        String[] pc = lammps(sys);
        Process proc = new ProcessBuilder("python3", "simulation/src/test/resources/lammps_minimize.py",
                xyz.toString(), "--pair", pc[0], "--coeff", pc[1]).start();
        byte[] out = proc.getInputStream().readAllBytes();
        byte[] err = proc.getErrorStream().readAllBytes();
        assertEquals(0, proc.waitFor(), new String(err) + new String(out));
        JsonNode j = new ObjectMapper().readTree(out);
        System.out.println(what + ": ours " + r.iterations() + " iterations, " + r.forceCalls() + " force calls, fmax "
                + r.fmax() + "; LAMMPS " + j);
        assertTrue(j.get("fmax0").asDouble() < 1e-5, what + " LAMMPS forces on our minimum " + j);
        assertTrue(j.get("max_displacement").asDouble() < 1e-3, what + " LAMMPS moved atoms " + j);
        return r;
    }

    @Test
    void wScrewDipoleAndQuadrupole() throws Exception {
        relaxAndCheck(DislocationSystem.W_SCREW, "dipole", 10);
        relaxAndCheck(DislocationSystem.W_SCREW, "quadrupole", 10);
    }

    @Test
    void siEdgeDipoleAndQuadrupole() throws Exception {
        relaxAndCheck(DislocationSystem.SI_EDGE, "dipole", 6);
        relaxAndCheck(DislocationSystem.SI_EDGE, "quadrupole", 6);
    }

    @Test
    void nialScrewDipoleAndQuadrupole() throws Exception {
        // quadrupole cores on Ni-Al bond centres (CorePlacement.bondCentreOfMixedSquare); at 10 r0 (cores 14 A
        // apart) they still annihilate, from 20 r0 on they hold
        relaxAndCheck(DislocationSystem.NIAL_SCREW, "quadrupole", 20);
        relaxAndCheck(DislocationSystem.NIAL_SCREW, "dipole", NIAL_DIPOLE);
    }

    /**
     * Why the NiAl quadrupole cores used to be lost: with all four cores at square centres (the old placement)
     * the relaxed symmetric quadrupole at 20 r0 is a saddle, not a minimum. Moving the first dipole by 0.1 A
     * along y (the elastically unstable collective mode) and relaxing again ends 4.7e-4 eV lower (measured),
     * with the cores off the centres; the bond-centre placement relaxes into that lower minimum directly.
     * (At 24, 30, 40 and 60 r0 the square-centre quadrupole annihilates outright: slow test below.)
     */
    @Test
    void nialSquareCentreQuadrupoleIsASaddleAndTheBondCentreOneIsLower() {
        DislocationSystem sys = DislocationSystem.NIAL_SCREW;
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration conf = Dislocations.predictor(sys, "quadrupole", 20, constants(sys, p));
        RelaxOptions o = RelaxOptions.of(1e-6).withMaxSteps(5000).withMaxForceCalls(10000);
        RelaxResult bond = LbfgsRelaxer.preconditioned().relax(
                org.burgers.core.testing.Fixtures.rattle(conf.structure(), 0.01, 7), p, o);
        double[][] back = squareCentreShifts(conf);
        // the same 0.01 A rattle as every start here (without it the symmetric start may take another path)
        RelaxResult centre = LbfgsRelaxer.preconditioned().relax(
                org.burgers.core.testing.Fixtures.rattle(CoreShift.moveCores(conf, back), 0.01, 7), p, o);
        double[][] kicked = squareCentreShifts(conf);
        kicked[0][1] -= 0.1;
        kicked[1][1] -= 0.1;
        RelaxResult kick = LbfgsRelaxer.preconditioned().relax(
                org.burgers.core.testing.Fixtures.rattle(CoreShift.moveCores(conf, kicked), 0.01, 7), p, o);
        System.out.printf("nial-screw quadrupole 20 r0: square centres %.6f eV (%d calls), kicked %.6f eV, "
                        + "bond centres %.6f eV (%d calls)%n", centre.energy(), centre.forceCalls(), kick.energy(),
                bond.energy(), bond.forceCalls());
        assertTrue(centre.converged() && kick.converged() && bond.converged());
        double perfect = conf.structure().size() * constants(sys, p).energyPerAtom();
        assertTrue(centre.energy() > perfect + 10, "the square-centre cores stayed (on the saddle)");
        assertTrue(kick.energy() < centre.energy() - 1e-4, "the square-centre quadrupole is not a saddle");
        assertEquals(kick.energy(), bond.energy(), 1e-6, "bond-centre start reaches the minimum below the saddle");
    }

    /** Shifts that move the bond-centred cores of {@code conf} back to their square centres. */
    static double[][] squareCentreShifts(DislocationConfiguration conf) {
        double h = conf.a0() / (2 * Math.sqrt(2));
        double lx = conf.referenceCell()[0];
        double ly = conf.referenceCell()[4];
        double[][] s = new double[4][2];
        for (int k = 0; k < 4; k++) {
            double[] c = conf.cores().get(k).position();
            // +b cores sit on the edge normal to x, -b cores on the edge normal to y, on the side of the centre
            int axis = conf.cores().get(k).burgers()[2] > 0 ? 0 : 1;
            double towardsCentre = Math.signum((axis == 0 ? lx : ly) / 2 - c[axis]);
            s[k][axis] = -towardsCentre * h;
        }
        return s;
    }

    @Test
    @Tag("slow")
    void nialScrewQuadrupoleHoldsAt40And60() throws Exception {
        relaxAndCheck(DislocationSystem.NIAL_SCREW, "quadrupole", 40);
        relaxAndCheck(DislocationSystem.NIAL_SCREW, "quadrupole", 60);
        // the pinned dipole at 40 r0 too
        relaxAndCheck(DislocationSystem.NIAL_SCREW, "dipole", 40);
    }

    /** The old placement (square centres) at 40 r0: the relaxation annihilates all four cores (perfect crystal). */
    @Test
    @Tag("slow")
    void nialSquareCentreQuadrupoleAnnihilatesAt40() {
        DislocationSystem sys = DislocationSystem.NIAL_SCREW;
        Potential p = PotentialSpec.parse(sys.potential());
        ElasticConstants c = constants(sys, p);
        DislocationConfiguration conf = Dislocations.predictor(sys, "quadrupole", 40, c);
        RelaxResult r = LbfgsRelaxer.preconditioned().relax(org.burgers.core.testing.Fixtures.rattle(
                CoreShift.moveCores(conf, squareCentreShifts(conf)), 0.01, 7), p,
                RelaxOptions.of(1e-6).withMaxSteps(5000).withMaxForceCalls(10000));
        double perfect = conf.structure().size() * c.energyPerAtom();
        System.out.printf("nial-screw square-centre quadrupole 40 r0: %.6f eV after %d calls, perfect crystal %.6f eV%n",
                r.energy(), r.forceCalls(), perfect);
        assertTrue(r.converged());
        assertEquals(perfect, r.energy(), 1e-3, "the cores annihilated");
    }

    static final double NIAL_DIPOLE = 30;

    /**
     * B2 screw dipoles of training-cell size hold their cores only pinned (DislocationBuilder.pinsDipoleCores):
     * relaxed freely, the 8 r0 dipole glides together and annihilates (no circuit closes on b any more and the
     * excess energy falls to the elastic energy of the cell tilt, measured 1.52 eV against 1.51 eV); with the z
     * of the six columns around each core held, it relaxes with both cores where they were put.
     */
    @Test
    void nialTrainingDipoleHoldsItsCoresOnlyPinned() throws Exception {
        DislocationSystem sys = DislocationSystem.NIAL_SCREW;
        relaxAndCheck(sys, "dipole", 8);
        relaxAndCheck(sys, "dipole", 5);
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration conf = Dislocations.predictor(sys, "dipole", 8, constants(sys, p));
        assertEquals(2 * 6, MoveMask.of(conf.structure()).count(), "six columns (one site each) per core");
        Structure free = conf.structure().withArray(MoveMask.ARRAY, ones(3 * conf.structure().size()));
        RelaxResult r = LbfgsRelaxer.preconditioned().relax(free, p, RelaxOptions.of(1e-6).withMaxSteps(5000));
        assertTrue(r.converged(), r.message());
        DislocationConfiguration relaxed = new DislocationConfiguration(conf.system(), conf.kind(), conf.size(),
                conf.a0(), r.structure(), conf.cores(), conf.plastic(), conf.referenceCell(), conf.voigtGPa());
        DislocationCore c = conf.cores().get(0);
        double[] fail = DislocationBuilderTest.circuit(relaxed, c.position()[0], c.position()[1], 4.5);
        assertEquals(0, fail[2], 0.05, "the freely relaxed dipole annihilated");
    }

    private static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    @Test
    void wMixedDipoleAndQuadrupole() throws Exception {
        // diagonal (quadrupolar) arrangement: the cores stay where they were put
        relaxAndCheck(DislocationSystem.W_MIXED, "dipole", 10);
        relaxAndCheck(DislocationSystem.W_MIXED, "quadrupole", 10);
    }

    /**
     * The pure-edge 1/2[111](-1,1,0) dipole in W (the segments of the prismatic loop, section 4.3) in the
     * diagonal arrangement: relaxed at 8, 10 and 14 r0 its cores stay where they were put (circuits give b, DD
     * centroids within 2 A) and LAMMPS finds our structure a minimum.
     */
    @Test
    void wEdgeDipoleHoldsItsCoresAt8To14() throws Exception {
        for (double size : new double[] {8, 10, 14}) {
            relaxAndCheck(DislocationSystem.W_EDGE, "dipole", size);
        }
    }

    /**
     * The W mixed quadrupole of size N is two dipole cells of size N / sqrt(2) side by side: relaxed, it has
     * exactly twice the dipole's energy and the same cell, which also checks that the quadrupole's four-core
     * image sum and strips equal the dipole's, and that its extra freedom (the two dipoles may relax
     * differently) finds nothing lower.
     */
    @Test
    void wMixedQuadrupoleIsTwoDipoleCells() {
        DislocationSystem sys = DislocationSystem.W_MIXED;
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration quad = Dislocations.predictor(sys, "quadrupole", 10, constants(sys, p));
        DislocationConfiguration dip = Dislocations.predictor(sys, "dipole", 10 / Math.sqrt(2), constants(sys, p));
        assertEquals(2 * dip.structure().size(), quad.structure().size());
        assertEquals(2 * dip.referenceCell()[0], quad.referenceCell()[0], 1e-9);
        assertEquals(dip.referenceCell()[4], quad.referenceCell()[4], 1e-9);
        RelaxOptions o = RelaxOptions.of(1e-6).withMaxSteps(5000).withMaxForceCalls(10000);
        RelaxResult rq = LbfgsRelaxer.preconditioned().relax(
                org.burgers.core.testing.Fixtures.rattle(quad.structure(), 0.01, 11), p, o);
        RelaxResult rd = LbfgsRelaxer.preconditioned().relax(
                org.burgers.core.testing.Fixtures.rattle(dip.structure(), 0.01, 11), p, o);
        assertTrue(rq.converged() && rd.converged());
        System.out.printf("w-mixed quadrupole 10 r0: E = %.9f eV; 2 x dipole 7.07 r0: %.9f eV%n", rq.energy(),
                2 * rd.energy());
        assertEquals(2 * rd.energy(), rq.energy(), 1e-6);
    }

    @Test
    @Tag("slow")
    void wMixedDipoleAndQuadrupoleAt20And30() throws Exception {
        for (double size : new double[] {20, 30}) {
            relaxAndCheck(DislocationSystem.W_MIXED, "dipole", size);
            relaxAndCheck(DislocationSystem.W_MIXED, "quadrupole", size);
        }
    }

    @Test
    void wLoopRelaxesAndLammpsAgrees() throws Exception {
        // a loop of 8 r0 (diameter 12.6 A) collapses under its line tension: only the minimum is checked
        relaxAndCheck(DislocationSystem.W_LOOP, "loop", 8, false);
    }

    @Test
    void wPrismaticLoopStaysOpenAndLammpsAgrees() throws Exception {
        // a prismatic vacancy loop cannot shrink without climb: after relaxation the removed slab is still
        // closed inside the disc (planes 2 spacings above and below the disc plane sit one spacing apart) and
        // open outside it (four spacings apart). At 12 r0 (radius 9.4 A) the slab reopens into a flat void
        // on relaxation; from 16 r0 (radius 12.6 A) the loop holds.
        double size = 16;
        DislocationSystem sys = DislocationSystem.W_LOOP;
        RelaxResult r = relaxAndCheck(sys, "prismatic-loop", size, false);
        DislocationConfiguration conf = Dislocations.predictor(sys, "prismatic-loop", size,
                constants(sys, PotentialSpec.parse(sys.potential())));
        double[] c = conf.cores().get(0).position();
        double spacing = Math.abs(conf.cores().get(0).burgers()[2]) / 3;
        double radius = size * conf.a0() / 4;
        double[] inside = LoopBuilderTest.planeGap(r.structure(), c, spacing, 0, radius / 2);
        double[] outside = LoopBuilderTest.planeGap(r.structure(), c, spacing, 1.6 * radius, 1e9);
        System.out.printf("prismatic loop %.0f r0: gap inside %.3f A (%d pairs), outside %.3f A, spacing %.3f A%n",
                size, inside[0], (int) inside[1], outside[0], spacing);
        assertTrue(inside[1] > 3 && outside[1] > 3);
        assertEquals(spacing, inside[0], 0.25 * spacing, "slab closed inside the loop");
        assertEquals(4 * spacing, outside[0], 0.25 * spacing, "lattice intact outside the loop");
    }

    /**
     * The loop study's simulation configurations (section 4.3): a prismatic loop of diameter L in the cell N,
     * relaxed with the reference as the study does (fmax 1e-3 eV/A), stays closed inside (the planes two
     * spacings above and below the disc plane one spacing apart) at the diameters the presets use.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"12, 7", "12, 8", "16, 8", "16, 10", "20, 8", "20, 10", "20, 12", "24, 12", "24, 16"})
    @Tag("slow")
    void wPrismaticLoopOfDiameterLInCellN(double n, double l) {
        DislocationSystem sys = DislocationSystem.W_LOOP;
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration conf = Dislocations.prismaticLoop(sys, n, l, constants(sys, p));
        long t0 = System.nanoTime();
        RelaxResult r = LbfgsRelaxer.preconditioned().relax(org.burgers.core.testing.Fixtures.rattle(conf.structure(),
                0.01, 7), p, RelaxOptions.of(1e-3).withMaxSteps(2000).withMaxForceCalls(4000));
        assertTrue(r.converged(), r.message());
        double[] c = conf.cores().get(0).position();
        double spacing = Math.abs(conf.cores().get(0).burgers()[2]) / 3;
        double radius = l * conf.a0() / 2;
        double[] inside = LoopBuilderTest.planeGap(r.structure(), c, spacing, 0, radius / 2);
        double[] outside = LoopBuilderTest.planeGap(r.structure(), c, spacing, radius + 2 * conf.a0(), 1e9);
        double excess = r.energy() - DislocationRelaxationTest.perfectEnergy(p, conf);
        System.out.printf("prismatic loop L = %.0f r0 in N = %.0f r0 (%d atoms): %d iterations, %.1f s; gap inside "
                        + "%.3f A (%d pairs), outside %.3f A, spacing %.3f A; excess energy %.2f eV%n", l, n,
                conf.structure().size(), r.iterations(), (System.nanoTime() - t0) * 1e-9, inside[0], (int) inside[1],
                outside[0], spacing, excess);
        assertTrue(inside[1] > 3);
        assertEquals(spacing, inside[0], 0.25 * spacing, "slab closed inside the loop");
        if (outside[1] > 3) {
            assertEquals(4 * spacing, outside[0], 0.25 * spacing, "lattice intact outside the loop");
        }
    }

    /** Energy of the perfect lattice on the configuration's sites (per-atom cohesive energy times atoms). */
    static double perfectEnergy(Potential p, DislocationConfiguration conf) {
        Structure cell = conf.system().crystal(conf.a0()).conventionalCell().withoutArrays();
        return p.energy(cell) / cell.size() * conf.structure().size();
    }

    /** The six stress components (GPa) of a relaxed W screw quadrupole of size n. */
    double[] wScrewStress(double n) throws Exception {
        RelaxResult r = relaxAndCheck(DislocationSystem.W_SCREW, "quadrupole", n);
        Structure s = r.structure();
        Potential p = PotentialSpec.parse("builtin:W");
        double[] st = p.evaluate(s, Request.FORCES).stress(s.cell().volume());
        double[] six = {st[0] * GPA, st[4] * GPA, st[8] * GPA, st[5] * GPA, st[2] * GPA, st[1] * GPA};
        System.out.printf("W screw quadrupole N=%.0f r0 stress (GPa) xx yy zz yz xz xy: %s%n", n,
                java.util.Arrays.toString(six));
        return six;
    }

    @Test
    void wScrewQuadrupoleLeavesNoShearStressSmallCell() throws Exception {
        double[] six = wScrewStress(20);
        for (int k = 3; k < 6; k++) {
            assertTrue(Math.abs(six[k]) < 0.05, "shear stress component " + k + " = " + six[k] + " GPa");
        }
    }

    @Test
    @Tag("slow")
    void wScrewQuadrupoleLeavesNoShearStressAt60() throws Exception {
        double[] six = wScrewStress(60);
        for (int k = 3; k < 6; k++) {
            assertTrue(Math.abs(six[k]) < 0.05, "shear stress component " + k + " = " + six[k] + " GPa");
        }
    }

    /**
     * Preconditioned vs plain L-BFGS on a W screw quadrupole of more than 10^4 atoms (N = 80 r0, 11,286
     * atoms), both from the predictor to fmax 1e-6 eV/A (issue #5: at least 3 times fewer force calls).
     * Measured (docs/dislocations.md): 37 vs 335 force calls, 9x; before the fixes of the precon branch
     * 202 vs 312. Asserted: both converge to the same minimum (energy, positions), precon needs at least 3x
     * fewer force calls and less wall time (measured ~4x less; a ratio within one run, robust to load).
     */
    @Test
    @Tag("slow")
    void preconditionerSavesForceCallsAt10k() {
        DislocationSystem sys = DislocationSystem.W_SCREW;
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration conf = Dislocations.predictor(sys, "quadrupole", 80, constants(sys, p));
        assertTrue(conf.structure().size() >= 10000);
        RelaxOptions o = RelaxOptions.of(1e-6).withMaxSteps(20000).withMaxForceCalls(40000);
        long t0 = System.nanoTime();
        RelaxResult pre = LbfgsRelaxer.preconditioned().relax(conf.structure(), p, o);
        long t1 = System.nanoTime();
        RelaxResult plain = new LbfgsRelaxer().relax(conf.structure(), p, o);
        long t2 = System.nanoTime();
        double ratio = (double) plain.forceCalls() / pre.forceCalls();
        double[] a = pre.structure().positionsView(), b = plain.structure().positionsView();
        double move = 0;
        for (int k = 0; k < a.length; k++) {
            move = Math.max(move, Math.abs(a[k] - b[k]));
        }
        System.out.printf("N=80 (%d atoms): precon %d calls %.1f s, plain %d calls %.1f s, ratio %.2f; "
                        + "dE %.1e eV, max position difference %.1e A%n", conf.structure().size(), pre.forceCalls(),
                (t1 - t0) * 1e-9, plain.forceCalls(), (t2 - t1) * 1e-9, ratio, pre.energy() - plain.energy(), move);
        assertTrue(pre.converged() && plain.converged());
        assertTrue(pre.fmax() < 1e-6 && plain.fmax() < 1e-6);
        assertEquals(plain.energy(), pre.energy(), 1e-6, "same minimum energy");
        assertTrue(move < 1e-3, "same minimum: positions differ by " + move + " A");
        assertTrue(ratio >= 3, "precon " + pre.forceCalls() + " vs plain " + plain.forceCalls() + " force calls");
        assertTrue(t1 - t0 < t2 - t1, "precon took longer than plain");
    }

    @Test
    @Tag("slow")
    void paperSizeQuadrupolesRelax() throws Exception {
        relaxAndCheck(DislocationSystem.W_SCREW, "quadrupole", 120);
        relaxAndCheck(DislocationSystem.SI_EDGE, "quadrupole", 30);
        relaxAndCheck(DislocationSystem.NIAL_SCREW, "quadrupole", 120);
    }
}
