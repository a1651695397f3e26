package org.burgers.simulation.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.InputException;
import org.burgers.core.elasticity.CauchyBorn;
import org.burgers.core.elasticity.Voigt;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.testing.MorseTestPotential;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.core.potential.PotentialSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ElasticConstantsTest {
    static final MorseTestPotential CU = new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);

    /** Cubic symmetry of a 6x6: C11 = C22 = C33, C12 = C13 = C23, C44 = C55 = C66, everything else zero. */
    static void assertCubic(double[][] c, double tol) {
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(c[i][j], c[j][i], tol, "major symmetry " + i + j);
                double expected;
                if (i < 3 && j < 3) {
                    expected = i == j ? c[0][0] : c[0][1];
                } else if (i == j) {
                    expected = c[3][3];
                } else {
                    expected = 0;
                }
                assertEquals(expected, c[i][j], tol, "cubic C" + (i + 1) + (j + 1));
            }
        }
    }

    /** C3 is symmetric under permutations of its indices and has the cubic pattern (6 independent). */
    static void assertCubic3(double[][][] c, double tol) {
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    double v = c[i][j][k];
                    assertEquals(v, c[j][i][k], tol);
                    assertEquals(v, c[k][j][i], tol);
                    assertEquals(v, c[i][k][j], tol);
                    int[] idx = {i, j, k};
                    java.util.Arrays.sort(idx);
                    double expected = cubicC3(c, idx);
                    assertEquals(expected, v, tol, "C" + (i + 1) + (j + 1) + (k + 1));
                }
            }
        }
    }

    private static double cubicC3(double[][][] c, int[] s) {
        int normal = 0;
        for (int x : s) {
            normal += x < 3 ? 1 : 0;
        }
        if (normal == 3) {
            if (s[0] == s[2]) {
                return c[0][0][0];                                   // C111
            }
            if (s[0] == s[1] || s[1] == s[2]) {
                return c[0][0][1];                                   // C112
            }
            return c[0][1][2];                                       // C123
        }
        if (normal == 1) {
            if (s[1] != s[2]) {
                return s[1] == 3 && s[2] == 4 || s[1] == 3 && s[2] == 5 || s[1] == 4 && s[2] == 5 ? 0 : 0;
            }
            // C_n,s,s: C144 when the normal axis matches the shear axis (n = s - 3), else C155
            return s[0] == s[1] - 3 ? c[0][3][3] : c[0][4][4];
        }
        if (normal == 0) {
            return s[0] == 3 && s[1] == 4 && s[2] == 5 ? c[3][4][5] : 0;   // C456
        }
        return 0;   // two normal indices and one shear
    }

    @Test
    void pairPotentialCrystalHasCubicTensorsAndTheCauchyRelation() {
        ElasticConstants ec = ElasticConstants.compute(CU, Crystal.of("fcc", 3.6, "Cu"), true);
        double[][] c = ec.c();
        assertCubic(c, 1e-6);
        // central pair potential at zero stress: Cauchy relation C12 = C44 (Born and Huang 1954)
        assertEquals(c[0][1], c[3][3], 1e-6);
        assertTrue(c[0][0] > c[0][1] && c[3][3] > 0, "mechanically stable");
        double scale = 0;
        for (double[][] m : ec.c3()) {
            for (double[] r : m) {
                for (double v : r) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
        }
        // d3 comes from second differences of the stress (core's StressDifferences), so the symmetry between
        // the stress index and the two differentiated ones holds to the differencing error (~1e-4 relative)
        assertCubic3(ec.c3(), 2e-4 * scale);
        // pressure at a0 vanishes: a0 is the minimum of E(a)
        double[] w = CU.evaluate(ec.crystal().conventionalCell(), Request.FORCES).virial();
        assertEquals(0, w[0] + w[4] + w[8], 1e-10);
        assertEquals(CU.energy(ec.crystal().conventionalCell()) / 4, ec.energyPerAtom(), 1e-12);
    }

    @Test
    void elasticConstantsAgreeWithStressDifferencesOfStrainedRelaxedSupercells() {
        ElasticConstants ec = ElasticConstants.compute(CU, Crystal.of("fcc", 3.6, "Cu"), false);
        double[][] ref = StrainedCells.elasticConstants(CU, ec.crystal(), 3, 1e-4,
                s -> CU.evaluate(s, Request.FORCES).virial());
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(ref[i][j], ec.c()[i][j], 0.01, "C" + (i + 1) + (j + 1));
            }
        }
    }

    @Test
    void thirdOrderConstantsAreFiniteDifferencesOfSecondOrderUnderStrain() {
        assertC3IsDerivativeOfC(CU, Crystal.of("fcc", 3.6, "Cu"), 2e-3);
    }

    /** The same for diamond Si (modified Tersoff), where the internal shifts relax at every strain. */
    @Test
    @Tag("slow")
    void relaxedIonThirdOrderConstantsOfSiliconAreDerivativesOfC() {
        ElasticConstants ec = assertC3IsDerivativeOfC(PotentialSpec.parse("builtin:Si"), Crystal.of("diamond", 5.43, "Si"), 2e-3);
        assertCubic(ec.c(), 1e-4);
    }

    static ElasticConstants assertC3IsDerivativeOfC(Potential p, Crystal guess, double tolRel) {
        ElasticConstants ec = ElasticConstants.compute(p, guess, true);
        double h = 2e-3;
        for (int k = 0; k < 6; k++) {
            double[][] cp = voigtAt(p, ec.crystal(), StrainedCells.strain(k, h));
            double[][] cm = voigtAt(p, ec.crystal(), StrainedCells.strain(k, -h));
            // strain(k, h) is an engineering strain h for shears, the variable of the Voigt forms
            double factor = 1;
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    double fd = (cp[i][j] - cm[i][j]) / (2 * h) * factor;
                    assertEquals(fd, ec.c3()[i][j][k], tolRel * Math.max(100, Math.abs(fd)), "C" + (i + 1) + (j + 1) + (k + 1));
                }
            }
        }
        return ec;
    }

    /**
     * Voigt(d_F^2 W_cb(F0)) in GPa, from the Cauchy-Born density of the cell deformed by F0: with
     * W~(G) = W(G F0)/J0, d2W(F0)_{ac,df} = J0 sum_{b,e} d2W~_{ab,de} F0^-1_{cb} F0^-1_{fe}.
     */
    static double[][] voigtAt(Potential p, Crystal c, double[] f0) {
        CauchyBorn cb = CauchyBorn.of(p, c.conventionalCell().deformed(f0), ElasticConstants.ionsFor(c));
        double[] t = cb.d2();
        double[] inv = invert(f0);
        double j0 = det(f0);
        double[] d2 = new double[81];
        for (int a = 0; a < 3; a++) {
            for (int cc = 0; cc < 3; cc++) {
                for (int d = 0; d < 3; d++) {
                    for (int f = 0; f < 3; f++) {
                        double s = 0;
                        for (int b = 0; b < 3; b++) {
                            for (int e = 0; e < 3; e++) {
                                s += t[9 * (3 * a + b) + 3 * d + e] * inv[3 * cc + b] * inv[3 * f + e];
                            }
                        }
                        d2[9 * (3 * a + cc) + 3 * d + f] = j0 * s;
                    }
                }
            }
        }
        return Voigt.scale(Voigt.second(d2), Voigt.GPA_PER_EV_A3);
    }

    /** For F symmetric up to our strains: F^-1 with [3*row + col] = (F^-1)_{row,col}. */
    static double[] invert(double[] a) {
        double d = det(a);
        return new double[] {
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
    }

    static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    @Test
    void scanFindsAStartingGuessAndBadGuessesAreInputErrors() {
        double guess = ElasticConstants.scanGuess(CU, Crystal.of("fcc", 1, "Cu"));
        double a0 = ElasticConstants.latticeConstant(CU, Crystal.of("fcc", guess, "Cu"));
        assertEquals(ElasticConstants.latticeConstant(CU, Crystal.of("fcc", 3.6, "Cu")), a0, 1e-9);
        InputException e = assertThrows(InputException.class,
                () -> ElasticConstants.latticeConstant(CU, Crystal.of("fcc", 1.2, "Cu")));
        assertTrue(e.getMessage().contains("--a0"), e.getMessage());
        e = assertThrows(InputException.class,
                () -> ElasticConstants.compute(CU, Crystal.of("fcc", 3.6, "Au"), false));
        assertTrue(e.getMessage().contains("Au"), e.getMessage());
    }
}
