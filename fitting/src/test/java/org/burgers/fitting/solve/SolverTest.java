package org.burgers.fitting.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.Random;
import org.burgers.core.InputException;
import org.burgers.fitting.FittingModule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class SolverTest {

    static double[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static double[] times(double[] a, int m, int n, double[] x) {
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i * n + j] * x[j];
            }
        }
        return b;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Columns with very different units, as ACE basis functions have. */
    static double[] badlyScaled(int m, int n, long seed) {
        double[] a = gaussian(m * n, seed);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] *= Math.pow(10, (j % 7) - 3);
            }
        }
        return a;
    }

    @Test
    void everySolverRecoversExactCoefficientsFromNoiselessConsistentData() {
        int m = 300;
        int n = 20;
        double[] x = gaussian(n, 2);
        for (int j = 0; j < n; j++) {
            x[j] = Math.signum(x[j]) * (0.5 + Math.abs(x[j])); // every coefficient relevant
        }
        double[] err = new double[4];
        String[] names = {"qr", "ridge", "blr", "ard"};
        for (int s = 0; s < names.length; s++) {
            // ARD prunes by an absolute precision threshold, so a column whose contribution is 1e-6 of the
            // signal is (rightly) dropped; it gets columns within two decades of each other
            double[] a = names[s].equals("ard") ? gaussian(m * n, 1) : badlyScaled(m, n, 1);
            if (names[s].equals("ard")) {
                for (int k = 0; k < a.length; k++) {
                    a[k] *= Math.pow(10, (k % n) % 3 - 1);
                }
            }
            double[] b = times(a, m, n, x);
            SolverConfig c = SolverConfig.defaults(names[s]);
            if (names[s].equals("ridge")) {
                c = new SolverConfig("ridge", 1e-14, 0, 0, 0, 0, 0, false);
            }
            Solution sol = c.create().solve(LinearSystem.of(a, m, n, b));
            // relative error of the coefficients, each measured by what it contributes (times its column norm)
            double[] d = new double[n];
            double[] dx = new double[n];
            for (int j = 0; j < n; j++) {
                double col = 0;
                for (int i = 0; i < m; i++) {
                    col += a[i * n + j] * a[i * n + j];
                }
                d[j] = (sol.coefficients()[j] - x[j]) * Math.sqrt(col);
                dx[j] = x[j] * Math.sqrt(col);
            }
            err[s] = norm(d) / norm(dx);
        }
        assertTrue(err[0] < 1e-12, "qr " + err[0]);
        assertTrue(err[1] < 1e-6, "ridge " + err[1]);
        assertTrue(err[2] < 1e-6, "blr " + err[2]);
        assertTrue(err[3] < 1e-6, "ard " + err[3]);
    }

    @Test
    void ridgeMatchesItsClosedFormWithAndWithoutSmoothnessPrior() {
        int m = 80;
        int n = 12;
        double[] a = gaussian(m * n, 3);
        double[] b = gaussian(m, 4);
        double[] deg = new double[n];
        for (int j = 0; j < n; j++) {
            deg[j] = j % 5;
        }
        for (double p : new double[] {0, 2}) {
            double lam = 0.3;
            Solution sol = new RidgeSolver(lam, p).solve(LinearSystem.of(a, m, n, b).withColumnDegrees(deg));
            DMatrixRMaj am = new DMatrixRMaj(m, n, true, a);
            DMatrixRMaj g = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(am, am, g);
            double mean = CommonOps_DDRM.trace(g) / n;
            for (int j = 0; j < n; j++) {
                g.add(j, j, lam * mean * Math.pow(1 + deg[j], 2 * p));
            }
            DMatrixRMaj h = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.multTransA(am, new DMatrixRMaj(m, 1, true, b), h);
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            assertTrue(CommonOps_DDRM.solve(g, h, x));
            assertTrue(maxAbsDiff(x.data, sol.coefficients()) < 1e-12 * norm(x.data), "smoothness " + p);
        }
        // the smoothness prior shrinks high-degree coefficients more than plain ridge does
        Solution plain = new RidgeSolver(0.3, 0).solve(LinearSystem.of(a, m, n, b).withColumnDegrees(deg));
        Solution smooth = new RidgeSolver(0.3, 2).solve(LinearSystem.of(a, m, n, b).withColumnDegrees(deg));
        assertTrue(Math.abs(smooth.coefficients()[4]) < 0.2 * Math.abs(plain.coefficients()[4]));
        assertThrows(InputException.class, () -> new RidgeSolver(0.3, 2).solve(LinearSystem.of(a, m, n, b)));
    }

    @Test
    void bayesianRidgeSatisfiesItsFixedPointEquations() {
        int m = 200;
        int n = 10;
        double sigma = 0.1;
        double[] a = gaussian(m * n, 5);
        double[] x = gaussian(n, 6);
        double[] b = times(a, m, n, x);
        double[] noise = gaussian(m, 7);
        for (int i = 0; i < m; i++) {
            b[i] += sigma * noise[i];
        }
        Solution sol = new BayesianRidgeSolver(false, 5000, 1e-13).solve(LinearSystem.of(a, m, n, b));
        double alpha = (double) sol.diagnostics().get("alpha");
        double lambda = (double) sol.diagnostics().get("lambda");
        // independent evaluation of the fixed-point equations from A itself
        DMatrixRMaj am = new DMatrixRMaj(m, n, true, a);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(am, am, g);
        DMatrixRMaj p = g.copy();
        CommonOps_DDRM.scale(alpha, p);
        for (int j = 0; j < n; j++) {
            p.add(j, j, lambda);
        }
        DMatrixRMaj h = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(am, new DMatrixRMaj(m, 1, true, b), h);
        CommonOps_DDRM.scale(alpha, h);
        DMatrixRMaj c = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(p, h, c);
        assertTrue(maxAbsDiff(c.data, sol.coefficients()) < 1e-10, "posterior mean");
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(g.copy());
        double gamma = 0;
        for (int k = 0; k < n; k++) {
            double e = eig.getEigenvalue(k).real;
            gamma += alpha * e / (lambda + alpha * e);
        }
        double cc = 0;
        for (double v : c.data) {
            cc += v * v;
        }
        double[] pred = times(a, m, n, c.data);
        double rss = 0;
        for (int i = 0; i < m; i++) {
            rss += (pred[i] - b[i]) * (pred[i] - b[i]);
        }
        double h1 = BayesianRidgeSolver.HYPER;
        assertEquals((gamma + 2 * h1) / (cc + 2 * h1), lambda, 1e-8 * lambda);
        assertEquals((m - gamma + 2 * h1) / (rss + 2 * h1), alpha, 1e-8 * alpha);
        // and the noise precision it found is the one we put in, to sampling accuracy
        assertEquals(1 / (sigma * sigma), alpha, 0.25 / (sigma * sigma));
    }

    @Test
    void ardRecoversTheSupportOfASparseVectorUnderNoise() {
        int m = 400;
        int n = 40;
        double[] a = badlyScaled(m, n, 8);
        double[] x = new double[n];
        int[] support = {3, 11, 17, 28, 36};
        for (int k : support) {
            x[k] = (k % 2 == 0 ? 1.5 : -2.0) / Math.pow(10, (k % 7) - 3);
        }
        double[] b = times(a, m, n, x);
        double[] noise = gaussian(m, 9);
        for (int i = 0; i < m; i++) {
            b[i] += 0.05 * noise[i];
        }
        Solution sol = new ArdSolver().solve(LinearSystem.of(a, m, n, b));
        for (int k = 0; k < n; k++) {
            boolean in = x[k] != 0;
            double c = sol.coefficients()[k];
            if (in) {
                assertEquals(x[k], c, 0.05 * Math.abs(x[k]), "coefficient " + k);
            } else {
                assertEquals(0.0, c, 0.0, "coefficient " + k + " should be pruned");
            }
        }
        assertEquals(support.length, sol.diagnostics().get("retained"));
        assertTrue(sol.warnings().isEmpty(), sol.warnings().toString());
    }

    /** A = U diag(s) V^T with singular values from 1 down to 1/cond, columns then multiplied by wild units. */
    static double[] illConditioned(int m, int n, double cond, long seed) {
        DMatrixRMaj u = orthonormal(m, n, seed);
        DMatrixRMaj v = orthonormal(n, n, seed + 1);
        DMatrixRMaj us = u.copy();
        for (int k = 0; k < n; k++) {
            double s = Math.pow(cond, -k / (double) (n - 1));
            for (int i = 0; i < m; i++) {
                us.set(i, k, us.get(i, k) * s);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(us, v, a);
        return a.data;
    }

    static DMatrixRMaj orthonormal(int m, int n, long seed) {
        DMatrixRMaj g = new DMatrixRMaj(m, n, true, gaussian(m * n, seed));
        var qr = DecompositionFactory_DDRM.qr(m, n);
        qr.decompose(g);
        return qr.getQ(null, true);
    }

    /** Minimum-norm least squares by SVD of A (EJML), the reference. */
    static double[] svdSolve(double[] a, int m, int n, double[] b) {
        DMatrixRMaj am = new DMatrixRMaj(m, n, true, a);
        DMatrixRMaj pinv = new DMatrixRMaj(n, m);
        CommonOps_DDRM.pinv(am, pinv);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(pinv, new DMatrixRMaj(m, 1, true, b), x);
        return x.data;
    }

    @Test
    void illConditionedSystemsAgreeWithAnSvdReferenceAndAreWarned() {
        int m = 200;
        int n = 30;
        double cond = 1e12;
        double[] a = illConditioned(m, n, cond, 10);
        double[] x = gaussian(n, 12);
        double[] b = times(a, m, n, x);
        Solution qr = new QrSolver().solve(LinearSystem.of(a, m, n, b));
        double[] ref = svdSolve(a, m, n, b);
        double c = (double) qr.diagnostics().get("conditionNumber");
        assertTrue(c > 1e11 && c < 1e13, "condition " + c);
        assertFalse(qr.warnings().isEmpty(), "an ill-conditioned system must be warned");
        // stated tolerance: both are backward stable, so they agree to cond * eps relative (times a small factor)
        double tol = 100 * cond * Math.ulp(1.0);
        double rel = norm(diff(qr.coefficients(), ref)) / norm(ref);
        assertTrue(rel < tol, "qr vs svd " + rel + " > " + tol);
        // and the fit itself (what the potential predicts) is accurate to rounding
        double[] r = diff(times(a, m, n, qr.coefficients()), b);
        assertTrue(norm(r) < 1e-13 * norm(b) * 100, "residual " + norm(r) / norm(b));
        System.out.printf("ill-conditioned (cond %.2g): |x_qr - x_svd|/|x_svd| = %.2g, |Ax-b|/|b| = %.2g, "
                + "|x_qr - x_true|/|x_true| = %.2g%n", c, rel, norm(r) / norm(b), norm(diff(qr.coefficients(), x)) / norm(x));
    }

    @Test
    void rankDeficientSystemsAreWarnedAndStillFitTheData() {
        int m = 100;
        int n = 8;
        double[] a = gaussian(m * n, 13);
        for (int i = 0; i < m; i++) {
            a[i * n + 5] = 2 * a[i * n + 2]; // column 5 duplicates column 2
            a[i * n + 7] = 0;                // column 7 is empty
        }
        double[] b = gaussian(m, 14);
        Solution qr = new QrSolver().solve(LinearSystem.of(a, m, n, b));
        assertTrue(qr.warnings().stream().anyMatch(w -> w.contains("rank-deficient")), qr.warnings().toString());
        assertTrue(qr.warnings().stream().anyMatch(w -> w.contains("column 7")), qr.warnings().toString());
        // same residual as the SVD reference
        double[] ref = svdSolve(a, m, n, b);
        double r1 = norm(diff(times(a, m, n, qr.coefficients()), b));
        double r2 = norm(diff(times(a, m, n, ref), b));
        assertEquals(r2, r1, 1e-10 * r2);
        for (String s : new String[] {"ridge", "blr", "ard"}) {
            Solution sol = SolverConfig.defaults(s).create().solve(LinearSystem.of(a, m, n, b));
            double rs = norm(diff(times(a, m, n, sol.coefficients()), b));
            assertTrue(rs < 1.05 * r2 + 1e-9, s + " residual " + rs + " vs " + r2);
        }
    }

    /**
     * Normal equations whose Gram matrix has an eigenvalue below its rounding level while h has a component
     * along it (in exact arithmetic |v.h| <= sqrt(e bb), so that component is rounding noise): what the W fit at
     * pair degree 150 assembles (47 such directions of 519). The evidence iteration used to trust it: the prior
     * precision fell towards zero, the coefficient along that direction grew as 1/lambda, the residual computed
     * from the normal equations turned negative, and the coefficients overflowed to NaN at iteration 135. Such a
     * direction carries no information and gets no coefficient; the others are fitted as before.
     */
    @Test
    void bayesianRidgeGivesNoCoefficientAlongDirectionsBelowTheRoundingOfTheGramMatrix() {
        int n = 3;
        int m = 50;
        // G = diag(4, 1, 1e-30), h = (4, 2, 1e-6): the third direction is numerically null, its h component noise
        double[] g = {4, 0, 0, 0, 1, 0, 0, 0, 1e-30};
        double[] h = {4, 2, 1e-6};
        double bb = 4 + 4 + 0.01; // |b|^2: the first two directions fit 8 of it, 0.01 is noise
        Solution sol = new BayesianRidgeSolver(false, 1000, 1e-12).solve(new NormalEquations(n, m, g, h, bb));
        double[] c = sol.coefficients();
        for (double v : c) {
            assertTrue(Double.isFinite(v), java.util.Arrays.toString(c) + " " + sol.diagnostics());
        }
        assertEquals(0, c[2], 0, "coefficient along the null direction");
        assertEquals(1, c[0], 1e-3);
        assertEquals(2, c[1], 1e-2);
        assertEquals(1, sol.diagnostics().get("droppedDirections"));
        assertTrue(sol.warnings().stream().anyMatch(w -> w.contains("below its rounding level")), sol.warnings().toString());
        assertTrue((double) sol.diagnostics().get("lambda") > 1e-3, sol.diagnostics().toString());
    }

    @Test
    void badInputIsRejectedClearly() {
        assertThrows(InputException.class, () -> SolverConfig.defaults("lsqr").create());
        assertThrows(InputException.class, () -> new RidgeSolver(-1, 0));
        assertThrows(InputException.class,
                () -> new QrSolver().solve(LinearSystem.of(gaussian(12, 1), 3, 4, gaussian(3, 2))));
        double[] a = gaussian(20, 1);
        a[7] = Double.NaN;
        assertThrows(InputException.class, () -> new QrSolver().solve(LinearSystem.of(a, 10, 2, gaussian(10, 2))));
    }

    @Test
    void guiceBindsTheConfiguredSolver() {
        for (String s : new String[] {"qr", "ridge", "blr", "ard"}) {
            Solver solver = Guice.createInjector(new FittingModule(SolverConfig.defaults(s))).getInstance(Solver.class);
            assertEquals(s, solver.name());
        }
        assertInstanceOf(ArdSolver.class,
                Guice.createInjector(new FittingModule(SolverConfig.defaults("ard"))).getInstance(Solver.class));
    }

    static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
