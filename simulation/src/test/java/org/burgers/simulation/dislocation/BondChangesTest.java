package org.burgers.simulation.dislocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Orientation;
import org.burgers.simulation.lattice.Supercell;
import org.junit.jupiter.api.Test;

/** Counting the bonds two configurations of the same atoms do not share. */
class BondChangesTest {

    @Test
    void thresholdsSitBetweenTheFirstTwoShells() {
        // diamond: r1 = a sqrt(3)/4, r2 = a / sqrt(2); bcc: r1 = a sqrt(3)/2, r2 = a
        double a = 5.431;
        BondChanges.Thresholds si = BondChanges.Thresholds.ofCrystal(Crystal.of("diamond", a, "Si").conventionalCell());
        double r1 = a * Math.sqrt(3) / 4, r2 = a / Math.sqrt(2);
        assertEquals(0.5 * (r1 + r2) - 0.25 * (r2 - r1), si.lo(), 1e-9);
        assertEquals(0.5 * (r1 + r2) + 0.25 * (r2 - r1), si.hi(), 1e-9);
        BondChanges.Thresholds w = BondChanges.Thresholds.ofCrystal(Crystal.of("bcc", 3.14339, "W").conventionalCell());
        assertEquals(0.5 * (3.14339 * Math.sqrt(3) / 2 + 3.14339) - 0.25 * (3.14339 - 3.14339 * Math.sqrt(3) / 2),
                w.lo(), 1e-9);
        assertThrows(InputException.class, () -> BondChanges.Thresholds.ofShells(3, 2));
    }

    /** Relaxation noise and strain leave the bonds as they are; the count is symmetric. */
    @Test
    void smallDisplacementsAndStrainChangeNoBond() {
        Crystal si = Crystal.of("diamond", 5.431, "Si");
        Structure s = Supercell.build(si, Orientation.CUBE, 3, 3, 3).structure();
        BondChanges.Thresholds t = BondChanges.Thresholds.ofCrystal(si.conventionalCell());
        assertEquals(0, BondChanges.count(s, s, t));
        Structure noisy = Fixtures.rattle(s, 0.05, 7);
        assertEquals(0, BondChanges.count(s, noisy, t));
        // every atom wrapped by a cell vector in one copy only: the same bonds
        double[] x = noisy.positions();
        double[] c = s.cell().matrix();
        for (int i = 0; i < noisy.size(); i += 3) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] += c[k];
            }
        }
        assertEquals(0, BondChanges.count(s, noisy.withPositions(x), t));
    }

    /**
     * Against a brute-force count over all pairs with each configuration's own minimum image (valid: hi is below
     * half the cell width and the displacements are far below it): large random displacements break and form
     * bonds, and both ways are counted.
     */
    @Test
    void matchesABruteForceCountOfLargeRandomDisplacements() {
        Crystal si = Crystal.of("diamond", 5.431, "Si");
        Structure s = Supercell.build(si, Orientation.CUBE, 3, 3, 3).structure();
        BondChanges.Thresholds t = BondChanges.Thresholds.ofCrystal(si.conventionalCell());
        for (long seed = 1; seed <= 3; seed++) {
            Structure a = Fixtures.rattle(s, 0.15, seed);
            Structure b = Fixtures.rattle(s, 0.45, seed + 100);
            int expected = bruteForce(a, b, t);
            assertTrue(expected > 10, "the test needs changed bonds: " + expected);
            assertEquals(expected, BondChanges.count(a, b, t), "seed " + seed);
            assertEquals(expected, BondChanges.count(b, a, t), "seed " + seed + ", swapped");
        }
    }

    private static int bruteForce(Structure a, Structure b, BondChanges.Thresholds t) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = i + 1; j < a.size(); j++) {
                double da = distance(a, i, j), db = distance(b, i, j);
                if ((da < t.lo() && db > t.hi()) || (db < t.lo() && da > t.hi())) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double distance(Structure s, int i, int j) {
        Cell c = s.cell();
        double[] x = s.positionsView();
        double[] f = new double[3], r = new double[3];
        c.toFractional(x[3 * j] - x[3 * i], x[3 * j + 1] - x[3 * i + 1], x[3 * j + 2] - x[3 * i + 2], f, 0);
        for (int k = 0; k < 3; k++) {
            f[k] -= Math.rint(f[k]);
        }
        c.toCartesian(f[0], f[1], f[2], r, 0);
        return Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    }
}
