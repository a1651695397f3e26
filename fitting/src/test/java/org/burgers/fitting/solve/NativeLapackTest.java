package org.burgers.fitting.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The direct LAPACK calls against EJML, and the ARD solver on both back ends: the LAPACK posterior (the
 * default) must give ARD's answer, not merely a fast one.
 */
class NativeLapackTest {

    /** A random symmetric positive-definite n x n matrix, X^T X + I with X 2n x n Gaussian. */
    static double[] spd(int n, long seed) {
        double[] x = SolverTest.gaussian(2 * n * n, seed);
        DMatrixRMaj xm = new DMatrixRMaj(2 * n, n, true, x);
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(xm, xm, p);
        for (int k = 0; k < n; k++) {
            p.add(k, k, 1);
        }
        return p.data;
    }

    @Test
    void inverseTimesTheMatrixIsTheIdentityAndSymvMultipliesByIt() {
        int n = 150;
        double[] p = spd(n, 3);
        double[] inv = p.clone();
        assertTrue(NativeLapack.invertSpd(inv, n));
        // dpotri fills the lower triangle; mirror it for the check
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                inv[i * n + j] = inv[j * n + i];
            }
        }
        DMatrixRMaj prod = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(new DMatrixRMaj(n, n, true, p), new DMatrixRMaj(n, n, true, inv), prod);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1.0 : 0.0, prod.get(i, j), 1e-10, "(" + i + ", " + j + ")");
            }
        }
        double[] x = SolverTest.gaussian(n, 4);
        double[] y = new double[n];
        NativeLapack.symv(inv, n, x, y);
        double[] expect = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                expect[i] += inv[i * n + j] * x[j];
            }
        }
        assertTrue(SolverTest.maxAbsDiff(expect, y) < 1e-12 * SolverTest.norm(expect), "symv");
    }

    @Test
    void anIndefiniteMatrixIsReportedNotInverted() {
        double[] a = {1, 2, 2, 1};
        assertFalse(NativeLapack.invertSpd(a, 2));
        double[] singular = {1, 1, 1, 1};
        assertFalse(NativeLapack.invertSpd(singular, 2));
    }

    /**
     * ARD on a noisy 2,000 x 200 problem with 20 relevant, badly scaled columns: the LAPACK and the EJML
     * posterior give the same iterations, the same retained set and coefficients equal to 1e-8 relative.
     */
    @Test
    void ardGivesTheSameAnswerOnBothBackEnds() {
        int m = 2000;
        int n = 200;
        double[] a = SolverTest.badlyScaled(m, n, 21);
        double[] x = new double[n];
        for (int k = 0; k < n; k += 10) {
            x[k] = (k % 20 == 0 ? 1.5 : -0.7) / Math.pow(10, (k % 7) - 3);
        }
        double[] b = SolverTest.times(a, m, n, x);
        double[] noise = SolverTest.gaussian(m, 22);
        for (int i = 0; i < m; i++) {
            b[i] += 0.01 * noise[i];
        }
        Solution lapack = new ArdSolver(1e4, 300, 1e-6, true, ArdSolver.Backend.LAPACK).solve(LinearSystem.of(a, m, n, b));
        Solution ejml = new ArdSolver(1e4, 300, 1e-6, true, ArdSolver.Backend.EJML).solve(LinearSystem.of(a, m, n, b));
        assertEquals(ejml.diagnostics().get("iterations"), lapack.diagnostics().get("iterations"));
        assertEquals(ejml.diagnostics().get("retained"), lapack.diagnostics().get("retained"));
        double[] c1 = lapack.coefficients();
        double[] c2 = ejml.coefficients();
        assertTrue(SolverTest.maxAbsDiff(c1, c2) < 1e-8 * SolverTest.norm(c2),
                "max difference " + SolverTest.maxAbsDiff(c1, c2) + " against norm " + SolverTest.norm(c2));
        assertEquals(ejml.warnings(), lapack.warnings());
    }
}
