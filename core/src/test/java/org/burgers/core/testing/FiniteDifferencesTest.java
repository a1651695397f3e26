package org.burgers.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.junit.jupiter.api.Test;

/**
 * The shared finite-difference checker, exercised with the Morse test potential on rattled, strained
 * triclinic cells (where it must report errors at the level of the difference formula), and against a
 * deliberately wrong potential (where it must not).
 */
class FiniteDifferencesTest {
    static final MorseTestPotential MORSE = new MorseTestPotential(0.8, 1.5, 2.8, 5.2);

    /** A rattled bcc cell made triclinic; the small cell (2x2x2 cubes, ~6.3 A) is shorter than two cutoffs. */
    static Structure sample(long seed) {
        Structure s = Fixtures.bcc("W", 3.16, 2).deformed(Fixtures.randomStrain(0.04, seed));
        return Fixtures.rattle(s, 0.08, seed + 1);
    }

    // With h = 1e-5 the truncation error h^2/6 |E'''| is ~1e-10 and round-off eps |E| / h ~1e-9 (|E| ~ 50 eV).
    @Test
    void forcesVirialHessianAndSiteEnergiesOfTheMorsePotential() {
        for (long seed = 1; seed <= 3; seed++) {
            Structure s = sample(seed);
            assertTrue(FiniteDifferences.forceError(MORSE, s, 1e-5, 16) < 1e-7, "forces");
            assertTrue(FiniteDifferences.virialError(MORSE, s, 1e-5) < 1e-7, "virial");
            assertTrue(FiniteDifferences.hessianError(MORSE, s, 1e-5, 4) < 1e-6, "hessian");
            assertTrue(FiniteDifferences.siteEnergySumError(MORSE, s) < 1e-11, "site energies");
        }
    }

    /** The checker must catch a 1% error in forces and virial and a wrong Hessian. */
    @Test
    void checkerDetectsAWrongPotential() {
        Potential wrong = new Potential() {
            @Override
            public double cutoff() {
                return MORSE.cutoff();
            }

            @Override
            public Set<String> species() {
                return MORSE.species();
            }

            @Override
            public boolean wantsHalfList() {
                return true;
            }

            @Override
            public Evaluation evaluate(Structure s, NeighbourList list, Request request) {
                Evaluation e = MORSE.evaluate(s, list, request);
                double[] f = e.forces().clone(), w = e.virial().clone();
                for (int k = 0; k < f.length; k++) {
                    f[k] *= 1.01;
                }
                w[1] += 1e-3;
                double[] site = e.siteEnergies().clone();
                site[0] += 1e-6;
                return new Evaluation(e.energy(), site, f, w, e.hessian() == null ? null
                        : new org.burgers.core.potential.BlockHessian.Builder(s.size()).build());
            }
        };
        Structure s = sample(7);
        assertTrue(FiniteDifferences.forceError(wrong, s, 1e-5, 4) > 1e-4);
        assertTrue(FiniteDifferences.virialError(wrong, s, 1e-5) > 5e-4);
        assertTrue(FiniteDifferences.hessianError(wrong, s, 1e-5, 1) > 1e-2);
        assertTrue(FiniteDifferences.siteEnergySumError(wrong, s) > 5e-7);
    }

    @Test
    void energyForcesAndVirialAreInvariantOrCovariant() {
        Structure s = sample(11);
        Evaluation e = MORSE.evaluate(s, Request.ALL);
        double scale = Math.abs(e.energy());

        // rotation: E invariant, f -> Q f, W -> Q W Q^T
        double[] q = Fixtures.randomRotation(12);
        Evaluation r = MORSE.evaluate(s.deformed(q), Request.ALL);
        assertEquals(e.energy(), r.energy(), 1e-12 * scale);
        for (int i = 0; i < s.size(); i++) {
            for (int a = 0; a < 3; a++) {
                double fa = 0;
                for (int b = 0; b < 3; b++) {
                    fa += q[3 * a + b] * e.forces()[3 * i + b];
                }
                assertEquals(fa, r.forces()[3 * i + a], 1e-11);
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double w = 0;
                for (int c = 0; c < 3; c++) {
                    for (int d = 0; d < 3; d++) {
                        w += q[3 * a + c] * e.virial()[3 * c + d] * q[3 * b + d];
                    }
                }
                assertEquals(w, r.virial()[3 * a + b], 1e-10 * scale);
            }
        }

        // translation
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += new double[] {1.3, -0.4, 7.9}[i % 3];
        }
        assertSame(e, MORSE.evaluate(s.withPositions(x), Request.ALL), null, scale);

        // re-wrapping into the cell (some atoms of a rattled, strained cell sit outside it)
        assertSame(e, MORSE.evaluate(s.wrapped(), Request.ALL), null, scale);

        // permutation: forces and site energies follow the atoms
        int[] order = new int[s.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = (5 * k + 3) % order.length;
        }
        assertSame(e, MORSE.evaluate(s.permuted(order), Request.ALL), order, scale);
    }

    private static void assertSame(Evaluation e, Evaluation o, int[] order, double scale) {
        assertEquals(e.energy(), o.energy(), 1e-12 * scale);
        int n = e.siteEnergies().length;
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            assertEquals(e.siteEnergies()[i], o.siteEnergies()[k], 1e-12 * scale);
            for (int a = 0; a < 3; a++) {
                assertEquals(e.forces()[3 * i + a], o.forces()[3 * k + a], 1e-11);
            }
        }
        for (int a = 0; a < 9; a++) {
            assertEquals(e.virial()[a], o.virial()[a], 1e-10 * scale);
        }
    }
}
