package org.burgers.core.stencil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

class StencilTest {

    /** Histogram of stencil bond lengths (rounded to 1e-6 A) of site l: shell -> count. */
    static TreeMap<Long, Integer> shells(Stencil st, int l) {
        TreeMap<Long, Integer> h = new TreeMap<>();
        for (int k = 0; k < st.count(l); k++) {
            double[] r = st.rho(l, k);
            h.merge(Math.round(1e6 * Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2])), 1, Integer::sum);
        }
        return h;
    }

    static void assertEverySite(Stencil st, int total, List<Integer> shellCounts) {
        for (int l = 0; l < st.sites(); l++) {
            assertEquals(total, st.count(l), "site " + l);
            assertEquals(shellCounts, new ArrayList<>(shells(st, l).values()), "site " + l);
        }
    }

    @Test
    void bccHas14FaceNeighbours8Plus6() {
        assertEverySite(Stencil.voronoi(Fixtures.bcc("W", 3.16, 3)), 14, List.of(8, 6));
    }

    /**
     * The cutoff stencil between the second and third bcc shells is the Voronoi stencil of the perfect lattice
     * (same neighbour and image of every site, same vectors); with a site removed, the neighbours of the hole
     * keep their other 13 lattice neighbours and gain none across it.
     */
    @Test
    void bccCutoffStencilBetweenSecondAndThirdShellsIsTheVoronoiStencil() {
        Structure s = Fixtures.bcc("W", 3.16, 3);
        Stencil v = Stencil.voronoi(s);
        Stencil c = Stencil.withinCutoff(s, 3.16 * (1 + Math.sqrt(2)) / 2);
        assertEquals(v.sites(), c.sites());
        for (int l = 0; l < s.size(); l++) {
            assertEquals(v.count(l), c.count(l));
            java.util.Set<String> a = new java.util.HashSet<>();
            java.util.Set<String> b = new java.util.HashSet<>();
            for (int k = 0; k < v.count(l); k++) {
                a.add(v.neighbour(l, k) + ":" + v.shift(l, k, 0) + "," + v.shift(l, k, 1) + "," + v.shift(l, k, 2));
                b.add(c.neighbour(l, k) + ":" + c.shift(l, k, 0) + "," + c.shift(l, k, 1) + "," + c.shift(l, k, 2));
            }
            assertEquals(a, b, "site " + l);
        }
        double[] x = s.positions();
        double[] y = new double[x.length - 3];
        System.arraycopy(x, 3, y, 0, y.length);
        org.burgers.core.structure.Element[] el = java.util.Arrays.copyOfRange(s.elements(), 1, s.size());
        Structure hole = new Structure(y, el, s.cell());
        Stencil h = Stencil.withinCutoff(hole, 3.16 * (1 + Math.sqrt(2)) / 2);
        int thirteen = 0;
        for (int l = 0; l < hole.size(); l++) {
            assertTrue(h.count(l) == 14 || h.count(l) == 13, "site " + l + ": " + h.count(l));
            thirteen += h.count(l) == 13 ? 1 : 0;
        }
        assertEquals(14, thirteen, "the 14 neighbours of the removed site lose one each");
        assertThrows(InputException.class, () -> Stencil.withinCutoff(s, 0));
    }

    @Test
    void bccStaysAt14UnderRotationAndSmallTriclinicStrain() {
        // the truncated octahedron has only three-fold vertices, so a small generic strain keeps its 14 faces
        Structure s = Fixtures.bcc("W", 3.16, 3).deformed(Fixtures.randomRotation(4))
                .deformed(Fixtures.randomStrain(0.01, 8));
        Stencil st = Stencil.voronoi(s);
        for (int l = 0; l < st.sites(); l++) {
            assertEquals(14, st.count(l));
        }
    }

    /** Sites of one sublattice share one Voronoi computation: a 16,000-site cell costs about a neighbour list. */
    @Test
    void largePerfectCellIsFast() {
        Structure s = Fixtures.bcc("W", 3.16, 20);
        long t0 = System.nanoTime();
        Stencil st = Stencil.voronoi(s);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("stencil of %d bcc sites: %.0f ms%n", s.size(), ms);
        for (int l = 0; l < st.sites(); l++) {
            assertEquals(14, st.count(l));
        }
    }

    /**
     * A non-periodic cluster: surface cells are open, so the candidate radius stops at its cap (8 nearest-
     * neighbour distances); interior sites still get their 14, surface sites fewer.
     */
    @Test
    void clusterInteriorSitesKeep14() {
        Structure s = Fixtures.bcc("W", 3.16, 4);
        s = s.withCell(s.cell().withPbc(new boolean[] {false, false, false}));
        Stencil st = Stencil.voronoi(s);
        int interior = 0;
        for (int l = 0; l < st.sites(); l++) {
            double[] x = {s.x(l, 0), s.x(l, 1), s.x(l, 2)};
            boolean inside = true;
            for (double c : x) {
                inside &= c > 3.0 && c < 3 * 3.16 - 0.1;
            }
            if (inside) {
                interior++;
                assertEquals(14, st.count(l), "interior site " + l);
            } else {
                assertTrue(st.count(l) <= 14 && st.count(l) >= 3, "surface site " + l + ": " + st.count(l));
            }
        }
        assertTrue(interior > 10);
    }

    @Test
    void fccHas12() {
        // the second shell (6 at a) touches the rhombic dodecahedron only at its four-fold vertices
        assertEverySite(Stencil.voronoi(Fixtures.fcc("Cu", 3.6, 3).deformed(Fixtures.randomRotation(2))), 12,
                List.of(12));
    }

    @Test
    void simpleCubicHas6NotTheEdgeOrVertexSharingOnes() {
        assertEverySite(Stencil.voronoi(Fixtures.cubic("Cu", 3.3, 3, new double[][] {{0, 0, 0}})), 6, List.of(6));
    }

    @Test
    void diamondHas16Faces4Plus12() {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
            {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
        assertEverySite(Stencil.voronoi(Fixtures.cubic("Si", 5.43, 2, basis)), 16, List.of(4, 12));
    }

    @Test
    void b2Has14AsBcc() {
        Structure s = Fixtures.bcc("Ni", 2.88, 3);
        Element[] el = s.elements();
        for (int i = 1; i < el.length; i += 2) {
            el[i] = Element.of("Al");
        }
        assertEverySite(Stencil.voronoi(new Structure(s.positions(), el, s.cell())), 14, List.of(8, 6));
    }

    @Test
    void hcpHas12() {
        double a = 2.5, c = Math.sqrt(8.0 / 3.0) * a;
        Cell cell = Cell.periodic(new double[] {3 * a, 0, 0, -1.5 * a, 1.5 * a * Math.sqrt(3), 0, 0, 0, 2 * c});
        List<Double> frac = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    Collections.addAll(frac, i / 3.0, j / 3.0, k / 2.0);
                    Collections.addAll(frac, (i + 1.0 / 3) / 3, (j + 2.0 / 3) / 3, (k + 0.5) / 2);
                }
            }
        }
        double[] f = frac.stream().mapToDouble(Double::doubleValue).toArray();
        Structure s = new Structure(cell.toCartesian(f), elements("Mg", f.length / 3), cell);
        assertEverySite(Stencil.voronoi(s), 12, List.of(12));
    }

    /** A homogeneously deformed lattice y = F x (cell deformed too) has D_rho y(l) = F rho. */
    @Test
    void positionDifferencesOfADeformedLatticeAreDeformedBonds() {
        Structure ref = Fixtures.bcc("W", 3.16, 2);
        Stencil st = Stencil.voronoi(ref);
        double[] f = Fixtures.randomStrain(0.05, 21);
        Structure y = ref.deformed(f);
        for (int l = 0; l < st.sites(); l++) {
            double[] d = st.differences(y, l);
            for (int k = 0; k < st.count(l); k++) {
                double[] rho = st.rho(l, k);
                for (int a = 0; a < 3; a++) {
                    double fr = f[3 * a] * rho[0] + f[3 * a + 1] * rho[1] + f[3 * a + 2] * rho[2];
                    assertEquals(fr, d[3 * k + a], 1e-12);
                }
            }
        }
    }

    @Test
    void uniformTranslationHasZeroNorm() {
        Stencil st = Stencil.voronoi(Fixtures.bcc("W", 3.16, 3));
        double[] v = new double[3 * st.sites()];
        for (int i = 0; i < st.sites(); i++) {
            v[3 * i] = 0.3;
            v[3 * i + 1] = -1.7;
            v[3 * i + 2] = 2.2;
        }
        assertEquals(0, st.norm(v), 0);
    }

    /**
     * Simple cubic 3x3x3, one site moved by delta: it contributes 6 delta^2 (six differing neighbours) and
     * each of its six neighbours sees it once (6 delta^2 more), so ||Dv|| = sqrt(12) delta; the subset of
     * the moved site alone gives sqrt(6) delta, and a site two steps away gives 0.
     */
    @Test
    void handComputedSimpleCubicValue() {
        Structure s = Fixtures.cubic("Cu", 3.3, 3, new double[][] {{0, 0, 0}});
        Stencil st = Stencil.voronoi(s);
        double[] v = new double[3 * s.size()];
        int moved = 13;   // the centre site (1, 1, 1)
        double delta = 0.07;
        v[3 * moved + 1] = delta;
        assertEquals(Math.sqrt(12) * delta, st.norm(v), 1e-15);
        assertEquals(Math.sqrt(6) * delta, st.norm(v, new int[] {moved}), 1e-15);
        // site (0,0,0) is not a face neighbour of the centre (1,1,1): it sees no difference
        assertEquals(0, st.norm(v, new int[] {0}), 0);
        double[] d = st.differences(v, moved);
        assertEquals(18, d.length);
        for (int k = 0; k < 6; k++) {
            assertEquals(-delta, d[3 * k + 1], 0);
        }
    }

    @Test
    void normIsInvariantUnderPermutationOfSites() {
        Structure s = Fixtures.bcc("W", 3.16, 3);
        Random r = new Random(3);
        double[] v = new double[3 * s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, r);
        int[] order = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] pv = new double[v.length];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(v, 3 * order[k], pv, 3 * k, 3);
        }
        double a = Stencil.voronoi(s).norm(v), b = Stencil.voronoi(s.permuted(order)).norm(pv);
        assertEquals(a, b, 1e-12 * a);
    }

    @Test
    void geometryErrorUsesMinimumImagesAndEqualsNormOfDifference() {
        Structure ref = Fixtures.bcc("W", 3.16, 3);
        Stencil st = Stencil.voronoi(ref);
        Random r = new Random(5);
        double[] u1 = new double[3 * ref.size()], u2 = new double[3 * ref.size()];
        for (int i = 0; i < u1.length; i++) {
            u1[i] = 0.1 * r.nextGaussian();
            u2[i] = 0.1 * r.nextGaussian();
        }
        double[] y = ref.positions(), yml = ref.positions(), diff = new double[u1.length];
        for (int i = 0; i < y.length; i++) {
            y[i] += u1[i];
            yml[i] += u2[i];
            diff[i] = u1[i] - u2[i];
        }
        Structure a = ref.withPositions(y), b = ref.withPositions(yml).wrapped();   // b re-wrapped
        assertEquals(st.norm(diff), GeometryError.of(st, a, b), 1e-12);
        assertThrows(InputException.class, () -> GeometryError.of(st, a, Fixtures.bcc("W", 3.2, 3)));
    }

    private static Element[] elements(String sym, int n) {
        Element[] e = new Element[n];
        java.util.Arrays.fill(e, Element.of(sym));
        return e;
    }
}
