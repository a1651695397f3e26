package org.burgers.core.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.elasticity.LinearCauchyBornTest.Combination;
import org.burgers.core.elasticity.LinearCauchyBornTest.MorseBasis;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;

class MultilatticeCauchyBornTest {
    static final double A = 5.43;
    static final double NN = A * Math.sqrt(3) / 4;
    /** Nearest neighbours only, at their bond length: a stable diamond with Kleinman internal strain. */
    static final Potential MORSE = new MorseTestPotential(2.0, 1.6, NN, 3.2);
    static final double[][] DIAMOND = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
        {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};

    static Structure diamond() {
        return Fixtures.cubic("Si", A, 1, DIAMOND);
    }

    @Test
    void sublatticesOfTheConventionalCells() {
        Sublattices d = Sublattices.of(diamond());
        assertEquals(2, d.count());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, d.of());
        assertEquals(1, Sublattices.of(Fixtures.bcc("W", 3.16, 1)).count());
        assertEquals(1, Sublattices.of(Fixtures.fcc("Cu", 3.6, 2)).count());
        Structure b2 = new Structure(new double[] {0, 0, 0, 1.44, 1.44, 1.44},
                new Element[] {Element.of("Ni"), Element.of("Al")}, Cell.orthorhombic(2.88, 2.88, 2.88));
        Sublattices s = Sublattices.of(b2);
        assertEquals(2, s.count());
        assertArrayEquals(new int[] {0, 1}, s.of());
        // a 2x1x1 bcc supercell is still one sublattice (the supercell translation is a symmetry)
        assertEquals(1, Sublattices.of(Fixtures.bcc("W", 3.16, 2)).count());
        assertEquals(NN, Sublattices.nearestNeighbourDistance(diamond()), 1e-12);
    }

    /** The analytic gradient (virial stress and summed sublattice forces) against differences of the energy. */
    @Test
    void gradientIsTheDerivativeOfTheEnergyDensity() {
        MultilatticeCauchyBorn cb = MultilatticeCauchyBorn.of(MORSE, diamond());
        assertEquals(12, cb.dimension());
        double v0 = diamond().cell().volume();
        double[] z = cb.origin();
        double[] strain = Fixtures.randomStrain(0.02, 5);
        for (int q = 0; q < 9; q++) {
            z[q] = strain[q];
        }
        z[9] = 0.01;
        z[10] = -0.02;
        z[11] = 0.015;
        double[] g = cb.gradient(z);
        for (int i = 0; i < 12; i++) {
            double h = 1e-4;
            double[] zp = z.clone(), zm = z.clone();
            zp[i] += h;
            zm[i] -= h;
            double fd = (MORSE.energy(cb.configuration(zp)) - MORSE.energy(cb.configuration(zm))) / (2 * h * v0);
            assertEquals(fd, g[i], 1e-7 * Math.max(1, Math.abs(fd)), "variable " + i);
        }
    }

    @Test
    void strainBlockIsTheClampedTensorAndTheSchurComplementTheRelaxedOne() {
        MultilatticeCauchyBorn cb = MultilatticeCauchyBorn.of(MORSE, diamond());
        int dim = cb.dimension();
        double[] h = cb.d2();
        double[] clamped = CauchyBorn.of(MORSE, diamond(), CauchyBorn.Ions.CLAMPED).d2();
        double scale = 0;
        for (double v : clamped) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                assertEquals(clamped[9 * i + j], h[dim * i + j], 1e-9 * scale);
            }
        }
        // the Hessian is symmetric, and a shear couples to the shifts (Kleinman internal strain)
        double coupling = 0;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                assertEquals(h[dim * i + j], h[dim * j + i], 1e-8 * scale);
                if (i < 9 && j >= 9) {
                    coupling = Math.max(coupling, Math.abs(h[dim * i + j]));
                }
            }
        }
        assertTrue(coupling > 0.05 * scale, "strain-shift coupling " + coupling);
        // independent route: relax the shifts at every strain, then differentiate the stress
        double[] relaxed = CauchyBorn.of(MORSE, diamond(), CauchyBorn.Ions.RELAXED).d2();
        double[] schur = MultilatticeCauchyBorn.relaxedD2(h, dim);
        for (int q = 0; q < 81; q++) {
            assertEquals(relaxed[q], schur[q], 1e-7 * scale, "component " + q);
        }
        double c44c = Voigt.second(clamped)[3][3], c44r = Voigt.second(schur)[3][3];
        assertTrue(c44r < 0.95 * c44c, "relaxation softens C44: " + c44r + " vs " + c44c);
    }

    @Test
    void thirdDerivativesAreSymmetricAndTheStrainBlockIsTheClampedOne() {
        MultilatticeCauchyBorn cb = MultilatticeCauchyBorn.of(MORSE, diamond());
        int dim = cb.dimension();
        double[] t = cb.d3();
        double[] clamped = CauchyBorn.of(MORSE, diamond(), CauchyBorn.Ions.CLAMPED).d3();
        double scale = 0;
        for (double v : t) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                for (int l = 0; l < 9; l++) {
                    assertEquals(clamped[81 * i + 9 * j + l], t[(dim * i + j) * dim + l], 1e-9 * scale);
                }
            }
        }
        double worst = 0;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                for (int l = 0; l < dim; l++) {
                    double v = t[(dim * i + j) * dim + l];
                    worst = Math.max(worst, Math.abs(v - t[(dim * j + i) * dim + l]));
                    worst = Math.max(worst, Math.abs(v - t[(dim * l + j) * dim + i]));
                }
            }
        }
        assertTrue(worst < 1e-6 * scale, "symmetry of d3 " + worst / scale);
    }

    @Test
    void basisRowsTimesCoefficientsEqualTheCombinedPotential() {
        Structure cell = diamond().deformed(Fixtures.randomStrain(0.01, 3));
        double[] c = {0.7, -0.3, 1.9};
        MultilatticeCauchyBorn rows = MultilatticeCauchyBorn.of(new MorseBasis(), cell);
        MultilatticeCauchyBorn pot = MultilatticeCauchyBorn.of(new Combination(c), cell);
        int m = rows.densities(), dim = rows.dimension();
        assertEquals(3, m);
        double[] r2 = rows.d2(), t2 = pot.d2(), r3 = rows.d3(), t3 = pot.d3();
        assertEquals(dim * dim * m, r2.length);
        double e2 = 0, s2 = 0, e3 = 0, s3 = 0;
        for (int q = 0; q < dim * dim; q++) {
            double v = 0;
            for (int k = 0; k < m; k++) {
                v += r2[q * m + k] * c[k];
            }
            e2 = Math.max(e2, Math.abs(v - t2[q]));
            s2 = Math.max(s2, Math.abs(t2[q]));
        }
        for (int q = 0; q < dim * dim * dim; q++) {
            double v = 0;
            for (int k = 0; k < m; k++) {
                v += r3[q * m + k] * c[k];
            }
            e3 = Math.max(e3, Math.abs(v - t3[q]));
            s3 = Math.max(s3, Math.abs(t3[q]));
        }
        assertTrue(e2 < 1e-11 * s2, "d2 rows " + e2);
        assertTrue(e3 < 1e-9 * s3, "d3 rows " + e3);
    }

    /** Rotating the crystal rotates the relaxed-ion tensor: R C R^T in each index pair. */
    @Test
    void relaxedTensorIsObjective() {
        double[] r = Fixtures.randomRotation(7);
        Structure rotated = diamond().deformed(r);
        double[] c0 = MultilatticeCauchyBorn.relaxedD2(MultilatticeCauchyBorn.of(MORSE, diamond()).d2(), 12);
        double[] c1 = MultilatticeCauchyBorn.relaxedD2(MultilatticeCauchyBorn.of(MORSE, rotated).d2(), 12);
        double scale = 0;
        for (double v : c0) {
            scale = Math.max(scale, Math.abs(v));
        }
        // C'_{abcd} = R_ai R_bj R_ck R_dl C_{ijkl} (F-derivatives of an objective density at zero stress)
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int cc = 0; cc < 3; cc++) {
                    for (int d = 0; d < 3; d++) {
                        double v = 0;
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                for (int k = 0; k < 3; k++) {
                                    for (int l = 0; l < 3; l++) {
                                        v += r[3 * a + i] * r[3 * b + j] * r[3 * cc + k] * r[3 * d + l]
                                                * c0[9 * (3 * i + j) + 3 * k + l];
                                    }
                                }
                            }
                        }
                        assertEquals(v, c1[9 * (3 * a + b) + 3 * cc + d], 1e-7 * scale);
                    }
                }
            }
        }
    }

    @Test
    void anUnstableShiftHasNoRelaxedTensor() {
        double[] h = new double[144];
        for (int i = 0; i < 12; i++) {
            h[13 * i] = i < 9 ? 1 : -1;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultilatticeCauchyBorn.relaxedD2(h, 12));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    }
}
