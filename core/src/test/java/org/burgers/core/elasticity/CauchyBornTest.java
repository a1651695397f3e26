package org.burgers.core.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;

class CauchyBornTest {
    // bcc "W-like": shells at 2.74, 3.16, 4.47, 5.24 A; rc = 5.0 keeps every shell >= 4% away from rc, so
    // the 1e-2 strain steps of d3 never move a shell across the cutoff (where phi''' jumps).
    static final double A_BCC = 3.16;
    static final MorseTestPotential BCC_POT = new MorseTestPotential(0.9, 1.4, 2.9, 5.0);
    static final PairClosedForm BCC_FORM = new PairClosedForm(0.9, 1.4, 2.9, 5.0);
    // fcc "Cu-like": shells at 2.55, 3.6, 4.41, 5.09 A; rc = 4.8
    static final double A_FCC = 3.6;
    static final MorseTestPotential FCC_POT = new MorseTestPotential(0.35, 1.36, 2.6, 4.8);
    static final PairClosedForm FCC_FORM = new PairClosedForm(0.35, 1.36, 2.6, 4.8);

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void bccTensorsMatchPairClosedForm() {
        Structure cell = Fixtures.bcc("W", A_BCC, 1);
        CauchyBorn cb = CauchyBorn.of(BCC_POT, cell, CauchyBorn.Ions.CLAMPED);
        double[] d2 = cb.d2(), d3 = cb.d3();
        double[] e2 = BCC_FORM.d2(cell), e3 = BCC_FORM.d3(cell);
        double r2 = maxDiff(d2, e2) / maxAbs(e2), r3 = maxDiff(d3, e3) / maxAbs(e3);
        System.out.printf("bcc Morse: d2 rel err %.2e, d3 rel err %.2e%n", r2, r3);
        assertTrue(r2 < 1e-7, "d2 relative error " + r2);
        assertTrue(r3 < 1e-5, "d3 relative error " + r3);
    }

    @Test
    void fccTensorsMatchPairClosedFormInPrimitiveAndConventionalCells() {
        Structure conv = Fixtures.fcc("Cu", A_FCC, 1);
        double h = A_FCC / 2;
        Structure prim = new Structure(new double[] {0.1, 0.2, 0.3}, new Element[] {Element.of("Cu")},
                Cell.periodic(new double[] {0, h, h, h, 0, h, h, h, 0}));
        double[] e2 = FCC_FORM.d2(conv), e3 = FCC_FORM.d3(conv);
        for (Structure cell : new Structure[] {conv, prim}) {
            CauchyBorn cb = CauchyBorn.of(FCC_POT, cell, CauchyBorn.Ions.CLAMPED);
            double r2 = maxDiff(cb.d2(), e2) / maxAbs(e2), r3 = maxDiff(cb.d3(), e3) / maxAbs(e3);
            System.out.printf("fcc Morse (%d atoms): d2 rel err %.2e, d3 rel err %.2e%n", cell.size(), r2, r3);
            assertTrue(r2 < 1e-7, "d2 relative error " + r2);
            assertTrue(r3 < 1e-5, "d3 relative error " + r3);
        }
    }

    @Test
    void stressIsDerivativeOfEnergyDensity() {
        Structure cell = Fixtures.bcc("W", A_BCC, 1);
        CauchyBorn cb = CauchyBorn.of(BCC_POT, cell, CauchyBorn.Ions.CLAMPED);
        double[] f = Fixtures.randomStrain(0.03, 5);
        double[] p = cb.stress(f);
        double h = 1e-5, worst = 0;
        for (int k = 0; k < 9; k++) {
            double[] fp = f.clone(), fm = f.clone();
            fp[k] += h;
            fm[k] -= h;
            double fd = (cb.energyDensity(fp) - cb.energyDensity(fm)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - p[k]));
        }
        assertTrue(worst < 1e-8 * maxAbs(p) + 1e-10, "P vs dW/dF " + worst);
    }

    @Test
    void tensorSymmetriesAtZeroStress() {
        Structure unit = Fixtures.bcc("W", 1.0, 1);
        double a0 = LatticeConstant.relax(BCC_POT, unit, 2.6, 3.8).a();
        CauchyBorn cb = CauchyBorn.of(BCC_POT, LatticeConstant.scaled(unit, a0), CauchyBorn.Ions.CLAMPED);
        double[] d2 = cb.d2(), d3 = cb.d3();
        double s2 = maxAbs(d2), s3 = maxAbs(d3);
        double major = 0, minor = 0, full = 0, minor3 = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                major = Math.max(major, Math.abs(d2[9 * i + j] - d2[9 * j + i]));
                minor = Math.max(minor, Math.abs(d2[9 * i + j] - d2[9 * swap(i) + j]));
                for (int k = 0; k < 9; k++) {
                    double v = d3[81 * i + 9 * j + k];
                    full = Math.max(full, Math.abs(v - d3[81 * j + 9 * i + k]));
                    full = Math.max(full, Math.abs(v - d3[81 * k + 9 * j + i]));
                }
            }
        }
        System.out.printf("symmetry defects (relative): major %.1e minor %.1e d3 pairs %.1e%n", major / s2, minor / s2,
                full / s3);
        assertTrue(major < 1e-8 * s2, "major symmetry " + major);
        assertTrue(minor < 1e-8 * s2, "minor symmetry at zero stress " + minor);
        assertTrue(full < 1e-6 * s3, "pair symmetry of d3 " + full);
        // cubic: C11 = C22, C12 = C13, C44 = C55, no normal-shear coupling
        double[][] c = cb.voigtGPa();
        assertEquals(c[0][0], c[1][1], 1e-6 * c[0][0]);
        assertEquals(c[0][1], c[0][2], 1e-6 * c[0][0]);
        assertEquals(c[3][3], c[5][5], 1e-6 * c[0][0]);
        assertEquals(0, c[0][3], 1e-6 * c[0][0]);
        // a pair potential at zero stress satisfies the Cauchy relation C12 = C44
        assertEquals(c[0][1], c[3][3], 1e-6 * c[0][0]);
        // cubic third order: C111 = C222 = C333, C112 = C223 = C133, C144 = C255, C155 = C244, C444 = 0
        double[][][] t = cb.voigt3GPa();
        double tol = 1e-5 * Math.abs(t[0][0][0]);
        assertEquals(t[0][0][0], t[1][1][1], tol);
        assertEquals(t[0][0][0], t[2][2][2], tol);
        assertEquals(t[0][0][1], t[1][1][2], tol);
        assertEquals(t[0][0][1], t[0][2][2], tol);
        assertEquals(t[0][3][3], t[1][4][4], tol);
        assertEquals(t[0][4][4], t[1][3][3], tol);
        assertEquals(0, t[3][3][3], tol);
        assertEquals(t[0][1][2], t[2][1][0], tol);
    }

    /** Under a stress sigma, d2_abcd - d2_bacd = delta_ac sigma_bd - delta_bc sigma_ad, sigma = P(I). */
    @Test
    void minorSymmetryDefectEqualsPrestress() {
        Structure cell = Fixtures.bcc("W", 3.0, 1).deformed(Fixtures.randomStrain(0.02, 3));
        CauchyBorn cb = CauchyBorn.of(BCC_POT, cell, CauchyBorn.Ions.CLAMPED);
        double[] sigma = cb.stress(StressDifferences.IDENTITY.clone());
        double[] d2 = cb.d2();
        double worst = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 3; c++) {
                    for (int d = 0; d < 3; d++) {
                        double defect = d2[9 * (3 * a + b) + 3 * c + d] - d2[9 * (3 * b + a) + 3 * c + d];
                        double expect = (a == c ? sigma[3 * b + d] : 0) - (b == c ? sigma[3 * a + d] : 0);
                        worst = Math.max(worst, Math.abs(defect - expect));
                    }
                }
            }
        }
        assertTrue(maxAbs(sigma) > 1e-3, "the test needs a stressed cell");
        assertTrue(worst < 1e-8 * maxAbs(d2), "prestress relation " + worst);
    }

    @Test
    void tensorsRotateWithTheCrystal() {
        Structure cell = Fixtures.fcc("Cu", A_FCC, 1);
        double[] q = Fixtures.randomRotation(11);
        CauchyBorn cb = CauchyBorn.of(FCC_POT, cell, CauchyBorn.Ions.CLAMPED);
        CauchyBorn rot = CauchyBorn.of(FCC_POT, cell.deformed(q), CauchyBorn.Ions.CLAMPED);
        double[] d2 = cb.d2(), d3 = cb.d3(), r2 = rot.d2(), r3 = rot.d3();
        double[] e2 = new double[81], e3 = new double[729];
        for (int o = 0; o < 81; o++) {
            for (int i = 0; i < 81; i++) {
                e2[o] += prod(q, o, i, 4) * d2[i];
            }
        }
        for (int o = 0; o < 729; o++) {
            for (int i = 0; i < 729; i++) {
                double w = prod(q, o, i, 6);
                if (w != 0) {
                    e3[o] += w * d3[i];
                }
            }
        }
        assertTrue(maxDiff(r2, e2) < 1e-7 * maxAbs(d2), "d2 rotation " + maxDiff(r2, e2));
        assertTrue(maxDiff(r3, e3) < 1e-5 * maxAbs(d3), "d3 rotation " + maxDiff(r3, e3));
    }

    /** prod_k Q[o_k][i_k] over the `order` base-3 digits of the flat indices o and i. */
    private static double prod(double[] q, int o, int i, int order) {
        double w = 1;
        for (int k = 0; k < order; k++) {
            w *= q[3 * (o % 3) + i % 3];
            o /= 3;
            i /= 3;
        }
        return w;
    }

    private static int swap(int ab) {
        return 3 * (ab % 3) + ab / 3;
    }

    /**
     * d3 against a central difference of d2(F) = dP/dF around strained F = I +- t e_K (both from the
     * analytic stress), Richardson-extrapolated over t and t/2 so the test's own truncation error is O(t^4).
     */
    @Test
    void d3IsTheStrainDerivativeOfD2() {
        Structure cell = Fixtures.bcc("W", A_BCC, 1);
        CauchyBorn cb = CauchyBorn.of(BCC_POT, cell, CauchyBorn.Ions.CLAMPED);
        double[] d3 = cb.d3();
        double worst = 0;
        for (int k : new int[] {0, 1, 5, 7}) {
            double[] coarse = d2Slope(cb, k, 4e-3), fine = d2Slope(cb, k, 2e-3);
            for (int ij = 0; ij < 81; ij++) {
                double fd = (4 * fine[ij] - coarse[ij]) / 3;
                worst = Math.max(worst, Math.abs(fd - d3[9 * ij + k]));
            }
        }
        System.out.printf("d3 vs FD of d2: rel %.1e%n", worst / maxAbs(d3));
        assertTrue(worst < 1e-6 * maxAbs(d3), "d3 vs FD of d2: " + worst / maxAbs(d3));
    }

    /** (d2(I + t e_k) - d2(I - t e_k)) / 2t with d2(F) from central differences of P (step 1e-4). */
    private static double[] d2Slope(CauchyBorn cb, int k, double t) {
        double h = 1e-4;
        double[] out = new double[81];
        for (int side = 0; side < 2; side++) {
            double[] f = StressDifferences.IDENTITY.clone();
            f[k] += side == 0 ? t : -t;
            for (int j = 0; j < 9; j++) {
                double[] fp = f.clone(), fm = f.clone();
                fp[j] += h;
                fm[j] -= h;
                double[] pp = cb.stress(fp), pm = cb.stress(fm);
                for (int i = 0; i < 9; i++) {
                    out[9 * i + j] += (side == 0 ? 1 : -1) * (pp[i] - pm[i]) / (2 * h) / (2 * t);
                }
            }
        }
        return out;
    }

    /** hcp: the basis atoms relax under shear, so relaxed-ion constants are softer than clamped ones. */
    @Test
    void relaxedIonTensorsMatchSecondDifferencesOfRelaxedEnergy() {
        Structure hcp = hcp(2.55);
        CauchyBorn relaxed = CauchyBorn.of(FCC_POT, hcp, CauchyBorn.Ions.RELAXED);
        CauchyBorn clamped = CauchyBorn.of(FCC_POT, hcp, CauchyBorn.Ions.CLAMPED);
        double[] d2r = relaxed.d2(), d2c = clamped.d2();
        // the relaxation correction -Lambda^T H^-1 Lambda is negative semidefinite: visible on C11 and C66
        double[][] cr = relaxed.voigtGPa(), cc = clamped.voigtGPa();
        System.out.printf("hcp Morse C11 clamped %.3f relaxed %.3f GPa; C66 %.3f / %.3f%n", cc[0][0], cr[0][0],
                cc[5][5], cr[5][5]);
        assertTrue(cc[0][0] - cr[0][0] > 1e-2 * cc[0][0], "relaxation should soften C11");
        for (int v = 0; v < 6; v++) {
            assertTrue(cr[v][v] <= cc[v][v] + 1e-9 * cc[0][0], "relaxed C" + v + v + " above clamped");
        }
        // independent route: second differences of the relaxed energy density (Richardson over h, h/2)
        double worst = 0;
        for (int j : new int[] {0, 1, 4, 5}) {
            for (int k : new int[] {0, 1, 5, 7}) {
                double fd = (4 * energySecondDifference(relaxed, j, k, 1e-3) - energySecondDifference(relaxed, j, k, 2e-3)) / 3;
                worst = Math.max(worst, Math.abs(fd - d2r[9 * j + k]));
            }
        }
        System.out.printf("relaxed d2 vs energy differences: rel %.1e%n", worst / maxAbs(d2r));
        assertTrue(worst < 1e-5 * maxAbs(d2r), "relaxed d2 vs energy differences " + worst / maxAbs(d2r));
        assertTrue(maxDiff(d2r, d2c) > 1e-2 * maxAbs(d2c));
        // the relaxed d3 keeps its pair symmetry (a check that the relaxation is converged well enough)
        double[] d3 = relaxed.d3();
        double full = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                for (int k = 0; k < 9; k++) {
                    full = Math.max(full, Math.abs(d3[81 * i + 9 * j + k] - d3[81 * j + 9 * i + k]));
                }
            }
        }
        assertTrue(full < 1e-5 * maxAbs(d3), "relaxed d3 pair symmetry " + full / maxAbs(d3));
    }

    /**
     * Diamond (a pair potential with nearest neighbours only, at its bond length): a shear moves the two
     * fcc sublattices against each other (Kleinman internal strain), so the relaxed C44 is below the clamped
     * one, while normal strains cause no internal strain by symmetry (C11, C12 unchanged).
     */
    @Test
    void diamondRelaxedIonShearIsSofterAndMatchesRelaxedEnergy() {
        double a = 5.43, nn = a * Math.sqrt(3) / 4;
        Potential morse = new MorseTestPotential(2.0, 1.6, nn, 3.2);   // second shell at 3.84 A is outside
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
            {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
        Structure cell = Fixtures.cubic("Si", a, 1, basis);
        CauchyBorn relaxed = CauchyBorn.of(morse, cell, CauchyBorn.Ions.RELAXED);
        double[][] cr = relaxed.voigtGPa();
        double[][] cc = CauchyBorn.of(morse, cell, CauchyBorn.Ions.CLAMPED).voigtGPa();
        System.out.printf("diamond Morse C44 clamped %.3f relaxed %.3f GPa; C11 %.3f / %.3f%n", cc[3][3], cr[3][3],
                cc[0][0], cr[0][0]);
        assertTrue(cc[3][3] - cr[3][3] > 0.05 * cc[3][3], "internal relaxation should soften C44");
        assertEquals(cc[0][0], cr[0][0], 1e-7 * cc[0][0]);
        assertEquals(cc[0][1], cr[0][1], 1e-7 * cc[0][0]);
        int yz = 5;   // F_yz: index 3*1 + 2
        double fd = (4 * energySecondDifference(relaxed, yz, yz, 1e-3) - energySecondDifference(relaxed, yz, yz, 2e-3)) / 3;
        assertEquals(fd, relaxed.d2()[9 * yz + yz], 1e-6 * Math.abs(fd));
    }

    @Test
    void relaxationIsHarmlessWithInversionSymmetryAndFindsTheMinimumFromAnOffset() {
        Structure bcc = Fixtures.bcc("W", A_BCC, 1);
        double[] clamped = CauchyBorn.of(BCC_POT, bcc, CauchyBorn.Ions.CLAMPED).d2();
        double[] x = bcc.positions();
        x[3] += 0.05;   // push the body-centre atom off its site: relaxation must bring it back
        x[5] -= 0.03;
        CauchyBorn relaxed = CauchyBorn.of(BCC_POT, bcc.withPositions(x), CauchyBorn.Ions.RELAXED);
        double[] f = BCC_POT.evaluate(relaxed.reference(), Request.FORCES).forces();
        assertTrue(maxAbs(f) < 1e-11, "reference forces " + maxAbs(f));
        assertTrue(maxDiff(relaxed.d2(), clamped) < 1e-8 * maxAbs(clamped));
    }

    @Test
    void latticeConstantMatchesZeroOfClosedFormPressure() {
        Structure unit = Fixtures.bcc("W", 1.0, 1);
        LatticeConstant.Result r = LatticeConstant.relax(BCC_POT, unit, 2.6, 3.8);
        // independent: bisection on sum_rho phi'(a|rho|)|rho| = 0
        double lo = 2.6, hi = 3.8;
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            if (BCC_FORM.pressureSum(unit, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(0.5 * (lo + hi), r.a(), 1e-10);
        Potential p = BCC_POT;
        assertEquals(p.energy(LatticeConstant.scaled(unit, r.a())) / 2, r.energyPerAtom(), 1e-12);
    }

    private static double energySecondDifference(CauchyBorn cb, int j, int k, double h) {
        double[] i = StressDifferences.IDENTITY;
        return (cb.energyDensity(StressDifferences.plus(i, j, h, k, h))
                - cb.energyDensity(StressDifferences.plus(i, j, h, k, -h))
                - cb.energyDensity(StressDifferences.plus(i, j, -h, k, h))
                + cb.energyDensity(StressDifferences.plus(i, j, -h, k, -h))) / (4 * h * h);
    }

    static Structure hcp(double a) {
        double c = Math.sqrt(8.0 / 3.0) * a;
        Cell cell = Cell.periodic(new double[] {a, 0, 0, -a / 2, a * Math.sqrt(3) / 2, 0, 0, 0, c});
        double[] x = cell.toCartesian(new double[] {0, 0, 0, 1.0 / 3, 2.0 / 3, 0.5});
        return new Structure(x, new Element[] {Element.of("Cu"), Element.of("Cu")}, cell);
    }
}
