package org.burgers.simulation.lattice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;

class SupercellTest {
    static final Orientation SCREW = Orientation.of(new int[] {1, 1, -2}, new int[] {-1, 1, 0}, new int[] {1, 1, 1});

    /** Number of neighbours of atom i within (r - tol, r + tol), and of those, how many are of element el. */
    private static int[] shell(Structure s, NeighbourList nl, int i, double r, String el) {
        int n = 0, same = 0;
        for (int p = nl.start(i); p < nl.end(i); p++) {
            double d = Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p));
            if (Math.abs(d - r) < 1e-6) {
                n++;
                if (s.element(nl.neighbour(p)).symbol().equals(el)) {
                    same++;
                }
            }
            assertTrue(d > r - 1e-6, "no neighbour closer than the nearest-neighbour distance");
        }
        return new int[] {n, same};
    }

    @Test
    void bccScrewCellHasTheShortestPeriodsAndPerfectShells() {
        double a = 3.14339;
        Supercell sc = Supercell.build(Crystal.of("bcc", a, "W"), SCREW, 2, 3, 4);
        assertArrayEquals(new double[] {a * Math.sqrt(6), a * Math.sqrt(2), a * Math.sqrt(3) / 2}, sc.periods(), 1e-12);
        assertEquals(6 * 2 * 3 * 4, sc.size());  // 6 atoms per period box: V = a^3 sqrt(6*2*3)/2 over a^3/2
        Structure s = sc.structure();
        NeighbourList nl = NeighbourList.full(s, a * 1.01);
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(new int[] {8, 8}, shell(s, nl, i, a * Math.sqrt(3) / 2, "W"), "atom " + i);
            assertEquals(8 + 6, nl.count(i), "second shell at a: 6 more");
        }
        assertArrayEquals(s.positions(), sc.latticePositions());
    }

    @Test
    void rotationTakesTheMillerDirectionsToTheAxes() {
        Supercell sc = Supercell.build(Crystal.of("bcc", 3.0, "W"), SCREW, 1, 1, 1);
        double[] q = sc.rotation();
        int[][] d = SCREW.directions();
        for (int k = 0; k < 3; k++) {
            double n = Math.sqrt(d[k][0] * d[k][0] + d[k][1] * d[k][1] + d[k][2] * d[k][2]);
            for (int r = 0; r < 3; r++) {
                double v = (q[3 * r] * d[k][0] + q[3 * r + 1] * d[k][1] + q[3 * r + 2] * d[k][2]) / n;
                assertEquals(r == k ? 1.0 : 0.0, v, 1e-14);
            }
        }
    }

    @Test
    void b2PutsNiOnCornersAndAlAtBodyCentres() {
        double a = 2.86;
        Supercell sc = Supercell.build(Crystal.of("b2", a, "Ni,Al"), Orientation.of(new int[] {1, 0, 0},
                new int[] {0, 1, 1}, new int[] {0, -1, 1}), 2, 2, 2);
        Structure s = sc.structure();
        // period of [011] in B2 is [011] itself (the body centre is not a translation)
        assertArrayEquals(new double[] {a, a * Math.sqrt(2), a * Math.sqrt(2)}, sc.periods(), 1e-12);
        assertEquals(2 * 2 * 2 * 2 * 2, s.size());
        NeighbourList nl = NeighbourList.full(s, a * 0.9);
        int ni = 0;
        for (int i = 0; i < s.size(); i++) {
            String el = s.element(i).symbol();
            String other = el.equals("Ni") ? "Al" : "Ni";
            ni += el.equals("Ni") ? 1 : 0;
            assertEquals(el.equals("Ni") ? 0 : 1, sc.sublattice()[i]);
            assertArrayEquals(new int[] {8, 8}, shell(s, nl, i, a * Math.sqrt(3) / 2, other), "atom " + i);
        }
        assertEquals(s.size() / 2, ni);
        // along [111] the period is the full body diagonal in B2 but half of it in bcc
        Orientation o111 = Orientation.of(new int[] {1, -1, 0}, new int[] {1, 1, -2}, new int[] {1, 1, 1});
        assertEquals(a * Math.sqrt(3), Supercell.periods(Crystal.of("b2", a, "Ni,Al"), o111)[2], 1e-12);
        assertEquals(a * Math.sqrt(3) / 2, Supercell.periods(Crystal.of("bcc", a, "W"), o111)[2], 1e-12);
    }

    @Test
    void diamondEdgeCellHasFourBondsPerAtom() {
        double a = 5.43;
        Orientation o = Orientation.of(new int[] {1, 1, 0}, new int[] {1, -1, 0}, new int[] {0, 0, -1});
        // {111} edge geometry: x = [1,1,0]/2 period, y = [1,1,1] normal, z = [1,-1... use a non-trivial set too
        Orientation edge = Orientation.of(new int[] {1, -1, 0}, new int[] {1, 1, 1}, new int[] {-1, -1, 2});
        for (Orientation or : new Orientation[] {o, edge}) {
            Supercell sc = Supercell.build(Crystal.of("diamond", a, "Si"), or, 2, 2, 2);
            Structure s = sc.structure();
            double vol = s.cell().volume();
            assertEquals(8 * vol / (a * a * a), s.size(), 1e-9);
            NeighbourList nl = NeighbourList.full(s, a * 0.5);
            for (int i = 0; i < s.size(); i++) {
                assertArrayEquals(new int[] {4, 4}, shell(s, nl, i, a * Math.sqrt(3) / 4, "Si"), "atom " + i);
            }
        }
        assertArrayEquals(new double[] {a / Math.sqrt(2), a * Math.sqrt(3), a * Math.sqrt(6) / 2},
                Supercell.periods(Crystal.of("diamond", a, "Si"), edge), 1e-12);
    }

    @Test
    void fccHasTwelveNeighbours() {
        double a = 3.6;
        Supercell sc = Supercell.build(Crystal.of("fcc", a, "Cu"), Orientation.of(new int[] {1, -1, 0},
                new int[] {1, 1, -2}, new int[] {1, 1, 1}), 2, 1, 2);
        NeighbourList nl = NeighbourList.full(sc.structure(), a * 0.75);
        for (int i = 0; i < sc.size(); i++) {
            assertArrayEquals(new int[] {12, 12}, shell(sc.structure(), nl, i, a / Math.sqrt(2), "Cu"));
        }
    }

    @Test
    void energyPerAtomDoesNotDependOnOrientation() {
        MorseTestPotential p = new MorseTestPotential(0.5, 1.5, 2.8, 6.0);
        double a = 3.2;
        double ref = p.energy(Fixtures.bcc("W", a, 3)) / 54;
        Supercell cube = Supercell.build(Crystal.of("bcc", a, "W"), Orientation.CUBE, 3, 3, 3);
        assertEquals(54, cube.size());
        assertEquals(ref, p.energy(cube.structure()) / cube.size(), 1e-12);
        Supercell screw = Supercell.build(Crystal.of("bcc", a, "W"), SCREW, 1, 2, 5);
        assertEquals(ref, p.energy(screw.structure()) / screw.size(), 1e-12);
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        InputException e = assertThrows(InputException.class, () -> Supercell.build(Crystal.of("bcc", 3, "W"),
                Orientation.of(new int[] {1, 1, 0}, new int[] {1, 0, 0}, new int[] {0, 0, 1}), 1, 1, 1));
        assertTrue(e.getMessage().contains("not orthogonal"), e.getMessage());
        e = assertThrows(InputException.class, () -> Supercell.build(Crystal.of("bcc", 3, "W"),
                Orientation.of(new int[] {1, 0, 0}, new int[] {0, 0, 1}, new int[] {0, 1, 0}), 1, 1, 1));
        assertTrue(e.getMessage().contains("left-handed"), e.getMessage());
        e = assertThrows(InputException.class, () -> Crystal.of("hcp", 3, "W"));
        assertTrue(e.getMessage().contains("unknown lattice 'hcp'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Crystal.of("bcc", 3, "Xx"));
        assertTrue(e.getMessage().contains("Xx"), e.getMessage());
        e = assertThrows(InputException.class, () -> Crystal.of("b2", 3, "Ni"));
        assertTrue(e.getMessage().contains("2 sublattice"), e.getMessage());
        e = assertThrows(InputException.class, () -> Orientation.parse("1,0,0/0,1,x/0,0,1"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertEquals(SCREW, Orientation.parse("[1,1,-2] [-1,1,0] [1,1,1]"));
    }
}
