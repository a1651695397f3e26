package org.burgers.core.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NeighbourListTest {

    /** Brute force: every atom j and every image shift within a range large enough for the cutoff. */
    static List<String> bruteForce(Structure s, double rc, boolean half) {
        Cell c = s.cell();
        int[] reach = new int[3];
        for (int k = 0; k < 3; k++) {
            reach[k] = c.periodic(k) ? (int) Math.ceil(rc / c.perpendicularWidth(k)) + 2 : 0;
        }
        List<String> out = new ArrayList<>();
        double[] x = s.positionsView();
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                for (int a = -reach[0]; a <= reach[0]; a++) {
                    for (int b = -reach[1]; b <= reach[1]; b++) {
                        for (int g = -reach[2]; g <= reach[2]; g++) {
                            if (i == j && a == 0 && b == 0 && g == 0) {
                                continue;
                            }
                            double[] t = new double[3];
                            c.toCartesian(a, b, g, t, 0);
                            double dx = x[3 * j] + t[0] - x[3 * i], dy = x[3 * j + 1] + t[1] - x[3 * i + 1],
                                    dz = x[3 * j + 2] + t[2] - x[3 * i + 2];
                            if (dx * dx + dy * dy + dz * dz < rc * rc) {
                                boolean keep = !half || j > i || (j == i && (a > 0 || a == 0 && (b > 0 || b == 0 && g > 0)));
                                if (keep) {
                                    out.add(i + " " + j + " " + a + " " + b + " " + g);
                                }
                            }
                        }
                    }
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    static List<String> fromList(NeighbourList nl, Structure s) {
        List<String> out = new ArrayList<>();
        double[] x = s.positionsView();
        double[] m = s.cell().matrix();
        for (int i = 0; i < nl.atoms(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbour(p);
                int a = nl.shift(p, 0), b = nl.shift(p, 1), g = nl.shift(p, 2);
                // the stored vector must be the displacement to that image
                for (int d = 0; d < 3; d++) {
                    double expect = x[3 * j + d] + a * m[d] + b * m[3 + d] + g * m[6 + d] - x[3 * i + d];
                    double got = d == 0 ? nl.dx(p) : d == 1 ? nl.dy(p) : nl.dz(p);
                    assertEquals(expect, got, 1e-9);
                }
                out.add(i + " " + j + " " + a + " " + b + " " + g);
            }
        }
        Collections.sort(out);
        return out;
    }

    static Structure randomTriclinic(int n, double scale, long seed, boolean[] pbc) {
        Random r = new Random(seed);
        double[] m = new double[9];
        for (int k = 0; k < 9; k++) {
            m[k] = (k % 4 == 0 ? scale : 0) + 0.4 * scale * (r.nextDouble() - 0.5);
        }
        Cell c = new Cell(m, pbc);
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            // fractional coordinates a little outside [0, 1) too: positions need not be wrapped
            c.toCartesian(1.4 * r.nextDouble() - 0.2, 1.4 * r.nextDouble() - 0.2, 1.4 * r.nextDouble() - 0.2, x, 3 * i);
        }
        Element[] el = new Element[n];
        java.util.Arrays.fill(el, Element.of("W"));
        return new Structure(x, el, c);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesBruteForceOnRandomTriclinicCells(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(40);
        double scale = 2 + 10 * r.nextDouble();   // tiny cells down to 2 A: many images within the cutoff
        boolean[] pbc = {true, seed % 3 != 0, seed % 4 != 0};
        Structure s = randomTriclinic(n, scale, seed, pbc);
        double rc = 2.5 + 3 * r.nextDouble();
        for (boolean half : new boolean[] {false, true}) {
            NeighbourList nl = NeighbourList.build(s, rc, half);
            assertEquals(bruteForce(s, rc, half), fromList(nl, s), "seed " + seed + " half " + half);
        }
    }

    @Test
    void bccHasEightNearestAndSixSecondNeighbours() {
        Structure s = Fixtures.bcc("W", 3.16, 3);
        NeighbourList nl = NeighbourList.full(s, 0.5 * (3.16 * Math.sqrt(3) / 2 + 3.16));
        for (int i = 0; i < s.size(); i++) {
            assertEquals(8, nl.count(i));
        }
        nl = NeighbourList.full(s, 3.16 * 1.1);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(14, nl.count(i));
        }
        assertEquals(14 * s.size() / 2, NeighbourList.half(s, 3.16 * 1.1).pairs());
    }

    @Test
    void singleAtomCellSeesItsOwnImages() {
        Structure s = Fixtures.bcc("W", 3.16, 1);   // 2 atoms, cell 3.16 A, cutoff 5.5 A
        NeighbourList nl = NeighbourList.full(s, 5.5);
        assertEquals(bruteForce(s, 5.5, false), fromList(nl, s));
        assertTrue(nl.count(0) > 40);
    }

    @Test
    void coincidentAtomsAreAnError() {
        Structure s = new Structure(new double[] {0, 0, 0, 1e-9, 0, 0}, new Element[] {Element.of("W"), Element.of("W")},
                Cell.orthorhombic(5, 5, 5));
        InputException e = assertThrows(InputException.class, () -> NeighbourList.full(s, 3));
        assertTrue(e.getMessage().contains("same position"), e.getMessage());
    }

    @Test
    void verletListReusesUntilHalfTheSkinIsUsed() {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 4), 0.05, 3);
        VerletList v = new VerletList(4.0, 1.0, false);
        v.update(s);
        double[] x = s.positions();
        x[0] += 0.3;
        Structure moved = s.withPositions(x);
        NeighbourList nl = v.update(moved);
        assertEquals(1, v.builds());
        // every pair within the cutoff is present with the right vector
        List<String> within = new ArrayList<>();
        for (int i = 0; i < nl.atoms(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                double r = Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p));
                if (r < 4.0) {
                    within.add(i + " " + nl.neighbour(p) + " " + nl.shift(p, 0) + " " + nl.shift(p, 1) + " " + nl.shift(p, 2));
                }
            }
        }
        Collections.sort(within);
        assertEquals(bruteForce(moved, 4.0, false), within);
        x[3] += 0.6;
        v.update(s.withPositions(x));
        assertEquals(2, v.builds());
    }
}
