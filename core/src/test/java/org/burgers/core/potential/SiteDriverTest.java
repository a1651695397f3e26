package org.burgers.core.potential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The site-parallel driver: derivatives by finite differences, thread-count independence, the partitions. */
class SiteDriverTest {

    /**
     * E_i = 1/2 sum_j eps (1 - r_ij/rc)^4 (C3 at rc): a pair potential written as a site kernel, so that every
     * piece of the driver (chunks, per-chunk buffers, addBond, reduction) enters the energy and its derivatives.
     */
    static final class QuarticPairs extends SitePotential {
        static final double EPS = 0.7;
        static final double RC = 3.3;
        private final Partition partition;

        QuarticPairs(Partition partition) {
            super(RC, new ElementIndex(List.of("W")));
            this.partition = partition;
        }

        @Override
        protected Partition partition(int n) {
            return partition;
        }

        @Override
        protected Supplier<SiteDriver.Site> kernels(int[] type, NeighbourList nl, boolean gradients) {
            int[] off = nl.offsetsView();
            int[] nbr = nl.neighboursView();
            double[] v = nl.vectorsView();
            return () -> (i, f, w) -> {
                double e = 0;
                for (int p = off[i]; p < off[i + 1]; p++) {
                    double dx = v[3 * p], dy = v[3 * p + 1], dz = v[3 * p + 2];
                    double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (r >= RC) {
                        continue;
                    }
                    double u = 1 - r / RC;
                    e += 0.5 * EPS * u * u * u * u;
                    if (f != null) {
                        double g = -2 * EPS * u * u * u / RC / r;   // (dE_i/dr) / r
                        SiteDriver.addBond(f, w, i, nbr[p], dx, dy, dz, g * dx, g * dy, g * dz);
                    }
                }
                return e;
            };
        }

        @Override
        protected boolean gradients(Request req) {
            return req.forces() || req.virial();
        }
    }

    private static Structure rattled() {
        return Fixtures.rattle(Fixtures.bcc("W", 3.16, 3), 0.08, 11);   // 54 atoms
    }

    @Test
    void forcesAndVirialAreDerivativesOfTheEnergy() {
        Potential p = new QuarticPairs(new Partition(5, false));
        Structure s = rattled();
        // central differences, h = 1e-5 A: truncation ~ h^2 E''' ~ 1e-10, round-off ~ 1e-16 * |E| / h ~ 1e-9
        assertTrue(FiniteDifferences.forceError(p, s, 1e-5, 54) < 1e-7);
        assertTrue(FiniteDifferences.virialError(p, s, 1e-6) < 1e-6);
        Evaluation e = p.evaluate(s, Request.ALL);
        double sum = 0;
        for (double x : e.siteEnergies()) {
            sum += x;
        }
        assertEquals(sum, e.energy(), 0);
        double[] net = new double[3];
        for (int k = 0; k < e.forces().length; k++) {
            net[k % 3] += e.forces()[k];
        }
        assertArrayEquals(new double[3], net, 1e-12);
    }

    @Test
    void threadsDoNotChangeTheNumbersAndChunkCountsOnlyRoundOff() {
        Structure s = rattled();
        Evaluation serial = new QuarticPairs(new Partition(7, false)).evaluate(s, Request.ALL);
        Evaluation forked = new QuarticPairs(new Partition(7, true)).evaluate(s, Request.ALL);
        assertEquals(serial.energy(), forked.energy(), 0);
        assertArrayEquals(serial.forces(), forked.forces(), 0);
        assertArrayEquals(serial.virial(), forked.virial(), 0);
        Evaluation one = new QuarticPairs(new Partition(1, false)).evaluate(s, Request.ALL);
        assertArrayEquals(one.forces(), serial.forces(), 1e-12);
        assertArrayEquals(one.virial(), serial.virial(), 1e-11);
        assertArrayEquals(one.siteEnergies(), serial.siteEnergies(), 0);   // one site, one writer
    }

    @Test
    void energyOnlyRequestsSkipTheGradientBuffers() {
        Evaluation e = new QuarticPairs(new Partition(3, false)).evaluate(rattled(), Request.ENERGY);
        assertNull(e.forces());
        assertNull(e.virial());
        assertNull(e.siteEnergies());
    }

    @Test
    void unknownElementsAreNamedByAtom() {
        Structure s = Structure.of(new double[] {0, 0, 0, 1.5, 0, 0}, "Mo",
                org.burgers.core.structure.Cell.orthorhombic(10, 10, 10));
        InputException x = assertThrows(InputException.class,
                () -> new QuarticPairs(new Partition(1, false)).evaluate(s, Request.ALL));
        assertTrue(x.getMessage().contains("atom 0 is Mo"), x.getMessage());
    }

    @Test
    void partitionsCoverTheRangeInOrder() {
        for (int chunks : new int[] {1, 3, 8, 16}) {
            Partition p = new Partition(chunks, false);
            for (int n : new int[] {0, 1, 7, 100, 2001}) {
                assertEquals(0, p.lo(0, n));
                assertEquals(n, p.lo(chunks, n));
                for (int c = 0; c < chunks; c++) {
                    assertTrue(p.lo(c, n) <= p.lo(c + 1, n));
                }
            }
        }
        assertEquals(new Partition(8, false), Partition.fixed(8, true, 2047, 2048));
        assertEquals(new Partition(8, true), Partition.fixed(8, true, 2048, 2048));
        assertEquals(new Partition(1, false), Partition.bySize(16, 64, true, 100));
        assertEquals(new Partition(16, true), Partition.bySize(16, 64, true, 2000));
        assertFalse(Partition.bySize(16, 64, false, 2000).parallel());
        assertThrows(IllegalArgumentException.class, () -> new Partition(0, false));
    }
}
