package org.burgers.simulation.dislocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.relax.MoveMask;
import org.junit.jupiter.api.Test;

class DislocationBuilderTest {
    // literature-like cubic constants (GPa); the geometry tests do not depend on their precise values
    static final double[][] W = cubic(523, 203, 161);
    static final double[][] SI = cubic(166, 64, 80);
    static final double[][] NIAL = cubic(181, 137, 118);

    static double[][] cubic(double c11, double c12, double c44) {
        double[][] c = new double[6][6];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                c[a][b] = a == b ? c11 : c12;
            }
            c[a + 3][a + 3] = c44;
        }
        return c;
    }

    record Case(DislocationSystem sys, double a0, double[][] c, double minDistance) {
    }

    static final Case[] CASES = {
        new Case(DislocationSystem.W_SCREW, 3.14339, W, 2.0),
        new Case(DislocationSystem.SI_EDGE, 5.431, SI, 1.7),
        new Case(DislocationSystem.NIAL_SCREW, 2.8815, NIAL, 1.9),
        new Case(DislocationSystem.W_MIXED, 3.14339, W, 1.9),
    };

    @Test
    void everySystemBuildsSaneDipolesAndQuadrupolesWithClosingCircuits() {
        for (Case k : CASES) {
            for (boolean quad : new boolean[] {false, true}) {
                DislocationConfiguration conf = DislocationBuilder.build(k.sys, k.a0, k.c, 10, quad, 4);
                Structure s = conf.structure();
                String what = k.sys.name() + (quad ? " quadrupole" : " dipole");
                assertEquals(quad ? 4 : 2, conf.cores().size(), what);
                // net Burgers vector zero
                double[] net = new double[3];
                for (DislocationCore c : conf.cores()) {
                    for (int d = 0; d < 3; d++) {
                        net[d] += c.burgers()[d];
                    }
                }
                for (int d = 0; d < 3; d++) {
                    assertEquals(0, net[d], 1e-12, what + " net b");
                }
                // no two atoms closer than a sane bond length (the cut between planes creates no overlap)
                NeighbourList nl = NeighbourList.full(s, k.minDistance);
                assertEquals(0, nl.pairs(), what + ": atoms closer than " + k.minDistance + " A");
                // a circuit of atom columns around each core closes on its Burgers vector, around none on zero
                for (DislocationCore c : conf.cores()) {
                    double[] fail = circuit(conf, c.position()[0], c.position()[1], 5.0);
                    for (int d = 0; d < 3; d++) {
                        assertEquals(c.burgers()[d], fail[d], 0.02, what + " circuit component " + d);
                    }
                }
                double[] none = circuit(conf, 0.5 * (conf.cores().get(0).position()[0]
                        + conf.cores().get(1).position()[0]), conf.cores().get(0).position()[1] + 7, 3.5);
                for (int d = 0; d < 3; d++) {
                    assertEquals(0, none[d], 0.02, what + " circuit enclosing no core");
                }
            }
        }
    }

    /**
     * Sum of the displacement differences of consecutive atom columns on a ring of radius {@code r} around
     * (cx, cy), counter-clockwise, each difference reduced by the nearest multiple of b (the lattice
     * translation across the cut): the closure failure, equal to the enclosed Burgers vector.
     */
    static double[] circuit(DislocationConfiguration conf, double cx, double cy, double r) {
        Structure s = conf.structure();
        double[] lat = s.array("lattice");
        double[] x = s.positions();
        double[] cell = conf.referenceCell();
        double lx = cell[0];
        double ly = cell[4];
        double[] beta = conf.plastic();
        double[] b = conf.cores().get(0).burgers();
        double bb = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
        // one atom per column within the ring annulus [r - 1.2, r + 1.2]
        List<double[]> ring = new ArrayList<>();   // {angle, atom}
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            for (int sx = -1; sx <= 1; sx++) {
                for (int sy = -1; sy <= 1; sy++) {
                    double px = lat[3 * i] + sx * lx - cx;
                    double py = lat[3 * i + 1] + sy * ly - cy;
                    double rr = Math.hypot(px, py);
                    long key = Math.round((px + cx) * 1000) * 1_000_003L + Math.round((py + cy) * 1000);
                    if (Math.abs(rr - r) < 1.2 && seen.add(key)) {
                        ring.add(new double[] {Math.atan2(py, px), i, sx, sy});
                    }
                }
            }
        }
        ring.sort((p, q) -> Double.compare(p[0], q[0]));
        double[] sum = new double[3];
        for (int k = 0; k < ring.size(); k++) {
            double[] u1 = displacement(x, lat, beta, (int) ring.get(k)[1], s.cell());
            double[] u2 = displacement(x, lat, beta, (int) ring.get((k + 1) % ring.size())[1], s.cell());
            double[] du = {u2[0] - u1[0], u2[1] - u1[1], u2[2] - u1[2]};
            double m = Math.rint((du[0] * b[0] + du[1] * b[1] + du[2] * b[2]) / bb);
            for (int d = 0; d < 3; d++) {
                sum[d] += du[d] - m * b[d];
            }
        }
        assertTrue(ring.size() >= 6, "ring has " + ring.size() + " columns");
        return sum;
    }

    /**
     * Core locator from the differential displacements of the Vitek map: for every pair of nearest-neighbour
     * atom columns within {@code radius} of (cx, cy), the difference of their elastic displacements reduced by
     * the nearest multiple of b (the lattice translation across a cut), its z component then reduced modulo
     * the line period p; returns {x, y} of the centroid of the pair midpoints weighted by those |dz| that
     * exceed a tenth of p/3 (the far field is left out, as in the map). Unlike a triangle-by-triangle circuit,
     * this has no rounding ambiguity when the edge component spreads over several columns.
     */
    static double[] coreLocation(DislocationConfiguration conf, double cx, double cy, double radius) {
        Structure s = conf.structure();
        double[] lat = s.array("lattice");
        double[] cell = conf.referenceCell();
        double lx = cell[0];
        double ly = cell[4];
        double pz = cell[8];
        double[] b = conf.cores().get(0).burgers();
        double bb = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
        boolean edge = Math.abs(b[2]) < 1e-9 * Math.sqrt(bb);
        // one atom per column near the point, at its nearest periodic image: {x, y, atom}
        List<double[]> cols = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < s.size(); i++) {
            double dx = lat[3 * i] - cx;
            double dy = lat[3 * i + 1] - cy;
            dx -= Math.rint(dx / lx) * lx;
            dy -= Math.rint(dy / ly) * ly;
            if (Math.hypot(dx, dy) < radius && seen.add(Math.round(dx * 1000) * 1_000_003L + Math.round(dy * 1000))) {
                cols.add(new double[] {cx + dx, cy + dy, i});
            }
        }
        double dnn = Double.POSITIVE_INFINITY;
        for (int a = 0; a < cols.size(); a++) {
            for (int c = a + 1; c < cols.size(); c++) {
                dnn = Math.min(dnn, dist(cols.get(a), cols.get(c)));
            }
        }
        double wx = 0;
        double wy = 0;
        double weight = 0;
        for (int a = 0; a < cols.size(); a++) {
            double[] u1 = displacement(s.positionsView(), lat, conf.plastic(), (int) cols.get(a)[2], s.cell());
            for (int c = a + 1; c < cols.size(); c++) {
                if (dist(cols.get(a), cols.get(c)) > 1.1 * dnn) {
                    continue;
                }
                double[] u2 = displacement(s.positionsView(), lat, conf.plastic(), (int) cols.get(c)[2], s.cell());
                double m = Math.rint(((u2[0] - u1[0]) * b[0] + (u2[1] - u1[1]) * b[1] + (u2[2] - u1[2]) * b[2]) / bb);
                double w;
                if (edge) {
                    // pure edge (b along x): the edge component of the differential displacement
                    w = Math.abs(u2[0] - u1[0] - m * b[0]);
                } else {
                    double dz = u2[2] - u1[2] - m * b[2];
                    dz -= Math.rint(dz / pz) * pz;
                    w = Math.abs(dz);
                }
                if (w > (edge ? 0.1 * Math.abs(b[0]) / 3 : 0.1 * pz / 3)) {
                    wx += w * 0.5 * (cols.get(a)[0] + cols.get(c)[0]);
                    wy += w * 0.5 * (cols.get(a)[1] + cols.get(c)[1]);
                    weight += w;
                }
            }
        }
        return new double[] {wx / weight, wy / weight};
    }

    private static double dist(double[] p, double[] q) {
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }

    /**
     * Elastic displacement of an atom: position minus site minus the homogeneous plastic part, unwrapped by
     * whole vectors of the (tilted) cell the positions were wrapped in: small except for those wraps.
     */
    static double[] displacement(double[] x, double[] lat, double[] beta, int i, org.burgers.core.structure.Cell cell) {
        double[] u = new double[3];
        for (int d = 0; d < 3; d++) {
            double v = x[3 * i + d] - lat[3 * i + d];
            for (int e = 0; e < 3; e++) {
                v -= beta[3 * d + e] * lat[3 * i + e];
            }
            u[d] = v;
        }
        double[] f = new double[3];
        cell.toFractional(u[0], u[1], u[2], f, 0);
        double[] m = cell.matrix();
        for (int k = 0; k < 3; k++) {
            double w = Math.rint(f[k]);
            for (int d = 0; d < 3; d++) {
                u[d] -= w * m[3 * k + d];
            }
        }
        return u;
    }

    /**
     * NiAl quadrupole cores sit on Ni-Al bond centres: two nearest columns at a/(2 sqrt 2), one of each species,
     * the next two at sqrt(5) times that; +b cores on bonds along y, -b cores on bonds along x; the four cores are
     * inversion-symmetric about the cell centre, so there is no net slip. Cells with an even (20 r0) and an odd
     * (24 r0) number of columns between partners. Dipoles (4, 8, 20 r0) take the same bond centres and pin the z
     * of exactly the six columns within 0.9 r0 of each core.
     */
    @Test
    void nialQuadrupoleCoresSitOnNiAlBondCentres() {
        double a = 2.8815;
        for (double size : new double[] {20, 24}) {
            DislocationConfiguration conf = DislocationBuilder.build(DislocationSystem.NIAL_SCREW, a, NIAL, size, true, 4);
            assertCoresOnBondCentres(conf, a);
            // inversion-symmetric about the cell centre: core 1 <-> core 4, core 2 <-> core 3; no net slip
            double[] p1 = conf.cores().get(0).position();
            double[] p4 = conf.cores().get(3).position();
            double[] p2 = conf.cores().get(1).position();
            double[] p3 = conf.cores().get(2).position();
            for (int d = 0; d < 2; d++) {
                assertEquals(p1[d] + p4[d], p2[d] + p3[d], 1e-9);
            }
            for (double v : conf.plastic()) {
                assertEquals(0, v, 1e-15);
            }
            assertEquals(null, MoveMask.of(conf.structure()), "quadrupoles are not pinned");
        }
        // dipoles: the same bond centres, and the z of the six columns within 0.9 r0 of each core pinned
        for (double size : new double[] {4, 8, 20}) {
            DislocationConfiguration dip = DislocationBuilder.build(DislocationSystem.NIAL_SCREW, a, NIAL, size, false, 4);
            assertCoresOnBondCentres(dip, a);
            MoveMask mask = MoveMask.of(dip.structure());
            double[] lat = dip.structure().array("lattice");
            double lx = dip.referenceCell()[0];
            double ly = dip.referenceCell()[4];
            int pinned = 0;
            for (int i = 0; i < dip.structure().size(); i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (DislocationCore c : dip.cores()) {
                    double dx = lat[3 * i] - c.position()[0];
                    double dy = lat[3 * i + 1] - c.position()[1];
                    dx -= Math.rint(dx / lx) * lx;
                    dy -= Math.rint(dy / ly) * ly;
                    nearest = Math.min(nearest, Math.hypot(dx, dy));
                }
                assertTrue(!mask.fixed(3 * i) && !mask.fixed(3 * i + 1), "x, y stay free");
                assertEquals(nearest < 0.9 * a, mask.fixed(3 * i + 2), "site " + i + " at " + nearest + " A from a core");
                pinned += mask.fixed(3 * i + 2) ? 1 : 0;
            }
            assertEquals(12, pinned, "dipole " + size + ": six columns of one site per core");
        }
    }

    /**
     * Every core on a Ni-Al bond centre: two nearest columns at a/(2 sqrt 2), one of each species, the next two
     * at sqrt(5) times that; +b cores on bonds along y, -b cores on bonds along x.
     */
    private static void assertCoresOnBondCentres(DislocationConfiguration conf, double a) {
        Structure s = conf.structure();
        double[] lat = s.array("lattice");
        double lx = conf.referenceCell()[0];
        double ly = conf.referenceCell()[4];
        double h = a / (2 * Math.sqrt(2));
        for (DislocationCore c : conf.cores()) {
            // nearest columns: {distance, species, dx, dy}, one per column
            List<double[]> near = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < s.size(); i++) {
                double dx = lat[3 * i] - c.position()[0];
                double dy = lat[3 * i + 1] - c.position()[1];
                dx -= Math.rint(dx / lx) * lx;
                dy -= Math.rint(dy / ly) * ly;
                if (Math.hypot(dx, dy) < 3 && seen.add(Math.round(dx * 1e4) * 1_000_003L + Math.round(dy * 1e4))) {
                    near.add(new double[] {Math.hypot(dx, dy), s.element(i).symbol().equals("Ni") ? 0 : 1, dx, dy});
                }
            }
            near.sort((p, q) -> Double.compare(p[0], q[0]));
            String what = "nial " + conf.kind() + " " + conf.size() + " core " + c.burgers()[2];
            assertEquals(h, near.get(0)[0], 1e-6, what);
            assertEquals(h, near.get(1)[0], 1e-6, what);
            assertEquals(h * Math.sqrt(5), near.get(2)[0], 1e-6, what);
            assertEquals(1, near.get(0)[1] + near.get(1)[1], 1e-12, what + ": one Ni and one Al column");
            double bondX = Math.abs(near.get(0)[2] - near.get(1)[2]);
            double bondY = Math.abs(near.get(0)[3] - near.get(1)[3]);
            if (c.burgers()[2] > 0) {
                assertTrue(bondY > 2 * h - 1e-6 && bondX < 1e-6, what + ": +b core on a bond along y");
            } else {
                assertTrue(bondX > 2 * h - 1e-6 && bondY < 1e-6, what + ": -b core on a bond along x");
            }
        }
    }

    @Test
    void wScrewCoresSitAtTriangleCentroidsAndTheQuadrupoleHasNoPlasticStrain() {
        DislocationConfiguration conf = DislocationBuilder.build(DislocationSystem.W_SCREW, 3.14339, W, 12, true, 4);
        double[] lat = conf.structure().array("lattice");
        double lx = conf.referenceCell()[0];
        double ly = conf.referenceCell()[4];
        for (DislocationCore c : conf.cores()) {
            double[] d = new double[4];
            java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
            for (int i = 0; i < lat.length / 3; i++) {
                double dx = lat[3 * i] - c.position()[0];
                double dy = lat[3 * i + 1] - c.position()[1];
                dx -= Math.rint(dx / lx) * lx;
                dy -= Math.rint(dy / ly) * ly;
                double r = Math.hypot(dx, dy);
                for (int k = 0; k < 4; k++) {
                    if (r < d[k]) {
                        System.arraycopy(d, k, d, k + 1, 3 - k);
                        d[k] = r;
                        break;
                    }
                }
            }
            // centroid of an equilateral triangle of side a sqrt(2/3): three columns at a sqrt(2)/3
            double expect = 3.14339 * Math.sqrt(2) / 3;
            assertEquals(expect, d[0], 1e-6);
            assertEquals(expect, d[1], 1e-6);
            assertEquals(expect, d[2], 1e-6);
            assertTrue(d[3] > 1.5 * expect);
        }
        // checkerboard arrangement near the quarter points
        assertEquals(lx / 4, conf.cores().get(0).position()[0], 2.0);
        assertEquals(3 * ly / 4, conf.cores().get(2).position()[1], 2.0);
        // easy +b and -b cores cannot be lattice translations of each other: a small net slip remains, much
        // smaller than the dipole's, and the cell carries it
        DislocationConfiguration dip = DislocationBuilder.build(DislocationSystem.W_SCREW, 3.14339, W, 12, false, 4);
        double qNorm = 0;
        double dNorm = 0;
        for (int k = 0; k < 9; k++) {
            qNorm += conf.plastic()[k] * conf.plastic()[k];
            dNorm += dip.plastic()[k] * dip.plastic()[k];
        }
        assertTrue(Math.sqrt(qNorm) < 0.2 * Math.sqrt(dNorm), qNorm + " vs " + dNorm);
        // edge systems: the second dipole is a lattice translation of the first, the slips cancel exactly
        DislocationConfiguration si = DislocationBuilder.build(DislocationSystem.SI_EDGE, 5.431, SI, 10, true, 4);
        for (double v : si.plastic()) {
            assertEquals(0, v, 1e-14);
        }
        double bz = conf.cores().get(0).burgers()[2];
        double tilt = dip.structure().cell().get(1, 2);
        assertEquals(0.5 * Math.abs(bz), Math.abs(tilt), 0.1 * Math.abs(bz));
    }

    /**
     * W mixed (diagonal arrangement): partners at exactly (Lxd/2, -Ly/2) from each other (nearest opposite
     * neighbours near 45 degrees); the climb segment of each cut removes exactly strip area x line period /
     * atomic volume atoms (one column per plane crossed: |b_x| = a sqrt(2/3) is the column spacing along x);
     * the cell is shortened along x by |b_x| / 2 per dipole (the plastic distortion of the bent cut); every
     * atom away from the cores has the 8 first neighbours of bcc (no gap, no overlap at the strips, the cuts
     * or the periodic boundaries); circuits around the corner of a cut or across a strip enclose nothing.
     */
    @Test
    void wMixedDiagonalLayoutRemovesExactlyTheClimbStrip() {
        double a = 3.14339;
        for (double size : new double[] {10, 20}) {
            for (boolean quad : new boolean[] {false, true}) {
                DislocationConfiguration conf = DislocationBuilder.build(DislocationSystem.W_MIXED, a, W, size, quad, 4);
                String what = "w-mixed " + (quad ? "quadrupole " : "dipole ") + size;
                Structure s = conf.structure();
                double[] ref = conf.referenceCell();
                double lx = ref[0];
                double ly = ref[4];
                double pz = ref[8];
                int copies = quad ? 2 : 1;
                double lxd = lx / copies;
                double bx = a * Math.sqrt(2.0 / 3);
                assertEquals(2 * copies, conf.cores().size(), what);
                for (int k = 0; k < copies; k++) {
                    double[] plus = conf.cores().get(2 * k).position();
                    double[] minus = conf.cores().get(2 * k + 1).position();
                    assertEquals(bx, conf.cores().get(2 * k).burgers()[0], 1e-9, what);
                    assertEquals(lxd / 2, minus[0] - plus[0], 1e-9, what + " partner offset x");
                    assertEquals(-ly / 2, minus[1] - plus[1], 1e-9, what + " partner offset y");
                    assertEquals(45, Math.toDegrees(Math.atan2(ly, lxd)), 5, what + " angle of the nearest opposite cores");
                    if (k > 0) {
                        assertEquals(lxd, plus[0] - conf.cores().get(0).position()[0], 1e-9, what + " second dipole");
                    }
                }
                // removed sites: strip |b_x| x Ly/2 per dipole, times the line period, over the atomic volume a^3/2
                double volume = lx * ly * pz;
                double omega = a * a * a / 2;
                double sites = volume / omega;
                assertEquals(Math.rint(sites), sites, 1e-9, what);
                double expected = copies * bx * (ly / 2) * pz / omega;
                assertEquals(Math.rint(expected), expected, 1e-9, what + ": strip holds a whole number of sites");
                assertEquals(expected, sites - s.size(), 1e-9, what + " removed atoms");
                // plastic distortion of the bent cut: the cell loses |b_x|/2 along x per dipole, b_z/2 along z
                assertEquals(lx - copies * bx / 2, s.cell().get(0, 0), 1e-9, what + " cell shortened");
                double bz = conf.cores().get(0).burgers()[2];
                assertEquals(-copies * bz / 2, s.cell().get(0, 2), 1e-9, what + " cell c1 z tilt");
                // coordination away from the cores: 8 first neighbours (2.72 A), none up to the second shell (3.14 A).
                // (Across a cut the predictor pairs site R with R - b at the field of R: bonds there are off by
                // about b |grad u|, 0.2 A at 8 A from a core, as for any Volterra cut in linear elasticity.)
                NeighbourList nl = NeighbourList.full(s, 2.93);
                double[] lat = s.array("lattice");
                int checked = 0;
                for (int i = 0; i < s.size(); i++) {
                    boolean far = true;
                    for (DislocationCore c : conf.cores()) {
                        double dx = lat[3 * i] - c.position()[0];
                        double dy = lat[3 * i + 1] - c.position()[1];
                        dx -= Math.rint(dx / lx) * lx;
                        dy -= Math.rint(dy / ly) * ly;
                        far &= Math.hypot(dx, dy) > 9;
                    }
                    if (far) {
                        checked++;
                        assertEquals(8, nl.count(i), what + " first neighbours of atom " + i);
                    }
                }
                assertTrue(checked >= (size > 10 ? s.size() / 4 : 10), what + " checked " + checked);
                // no dislocation at the corner of the cut, nor inside the removed strip
                double[] plus = conf.cores().get(0).position();
                double[] minus = conf.cores().get(1).position();
                double[] corner = circuit(conf, minus[0], plus[1], 4.0);
                double[] strip = circuit(conf, minus[0] + bx / 2, 0.5 * (plus[1] + minus[1]), 4.0);
                for (int d = 0; d < 3; d++) {
                    assertEquals(0, corner[d], 0.02, what + " circuit around the corner of the cut");
                    assertEquals(0, strip[d], 0.02, what + " circuit across the removed strip");
                }
            }
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        InputException e = assertThrows(InputException.class, () -> DislocationSystem.named("w-edgy"));
        assertTrue(e.getMessage().contains("w-screw"));
        e = assertThrows(InputException.class,
                () -> DislocationSystem.W_SCREW.withBurgers(DislocationSystem.parseBurgers("1/3[111]")));
        assertTrue(e.getMessage().contains("not a lattice vector"), e.getMessage());
        // 1/2[111] is not a lattice vector of B2 (it joins Ni to Al)
        assertThrows(InputException.class,
                () -> DislocationSystem.NIAL_SCREW.withBurgers(DislocationSystem.parseBurgers("1/2[111]")));
        DislocationSystem.W_SCREW.withBurgers(DislocationSystem.parseBurgers("1/2[1-11]"));
        e = assertThrows(InputException.class,
                () -> DislocationBuilder.quadrupole(DislocationSystem.W_SCREW, 3.14339, W, 2.5));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }
}
