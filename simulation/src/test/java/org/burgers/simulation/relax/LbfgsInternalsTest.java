package org.burgers.simulation.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces of the L-BFGS that the dislocation-cell measurements rest on, against closed forms. */
class LbfgsInternalsTest {

    /** After a rejected unit step the next trial is the exact minimiser of a cubic phi (N&W 3.59). */
    @Test
    void backtrackingHitsTheMinimiserOfACubic() {
        // phi(t) = t^3 - 0.27 t: phi'(0) = -0.27, minimum at t = 0.3, phi(1) = 0.73 > 0 (rejected)
        double t = LineSearch.next(1.0, 0.73, -0.27, 3 - 0.27, 1e-12);
        assertEquals(0.3, t, 1e-12);
    }

    /**
     * With the energy difference at rounding noise only the slopes count: for a quadratic the secant of
     * phi' is the minimiser (here 0.4), whatever the (noisy) energy says.
     */
    @Test
    void atTheNoiseFloorTheSecantOfTheSlopesIsUsed() {
        // phi'(t) = -1 + 2.5 t: zero at 0.4; de = +1e-9 is noise (the true difference is +0.25)
        double t = LineSearch.next(1.0, 1e-9, -1.0, 1.5, 1e-8);
        assertEquals(0.4, t, 1e-12);
        // the step stays within [0.1 t, 0.5 t] even when the model asks for more or less
        assertEquals(0.5, LineSearch.next(1.0, 1e-9, -1.0, 0.0 + 1e-3, 1e-8), 1e-12);
        assertEquals(0.1, LineSearch.next(1.0, 1e-9, -1.0, 1e6, 1e-8), 1e-12);
    }

    /**
     * The two-loop recursion with H0 = gamma P^-1 fed with the stored P^-1 y = P^-1 g - P^-1 g_old gives
     * exactly -H g of the dense BFGS inverse update started from gamma P^-1, gamma = s.y / y.P^-1.y of the
     * newest pair (so no solve of its own is needed).
     */
    @Test
    void twoLoopWithStoredPreconditionedDifferencesIsDenseBfgs() {
        int n = 7, m = 4, steps = 6;
        Random rnd = new Random(5);
        double[][] hess = spd(n, rnd);
        double[] pdiag = new double[n];
        for (int i = 0; i < n; i++) {
            pdiag[i] = 0.5 + rnd.nextDouble();
        }
        LbfgsRelaxer.Memory mem = new LbfgsRelaxer.Memory(m, n, true);
        double[][] xs = new double[steps + 1][];
        for (int k = 0; k <= steps; k++) {
            xs[k] = new double[n];
            for (int i = 0; i < n; i++) {
                xs[k][i] = rnd.nextGaussian();
            }
        }
        double[] gOld = mul(hess, xs[0]), zOld = div(gOld, pdiag);
        for (int k = 1; k <= steps; k++) {
            double[] g = mul(hess, xs[k]), z = div(g, pdiag);
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sy += (xs[k][i] - xs[k - 1][i]) * (g[i] - gOld[i]);
            }
            mem.store(xs[k], xs[k - 1], g, gOld, z, zOld, sy);
            gOld = g;
            zOld = z;
        }
        double[] d = new double[n];
        mem.direction(gOld, zOld, d);
        // dense reference: the last m pairs, oldest first, from H0 = gamma P^-1
        double[] sN = sub(xs[steps], xs[steps - 1]), yN = mul(hess, sN);
        double gamma = dot(sN, yN) / dot(yN, div(yN, pdiag));
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = gamma / pdiag[i];
        }
        for (int k = steps - m + 1; k <= steps; k++) {
            double[] s = sub(xs[k], xs[k - 1]), y = mul(hess, s);
            h = bfgsInverse(h, s, y);
        }
        double[] ref = mul(h, gOld);
        for (int i = 0; i < n; i++) {
            assertEquals(-ref[i], d[i], 1e-10 * (1 + Math.abs(ref[i])));
        }
    }

    private static double[][] bfgsInverse(double[][] h, double[] s, double[] y) {
        int n = s.length;
        double rho = 1 / dot(s, y);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 1 : 0) - rho * s[i] * y[j];
            }
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = rho * s[i] * s[j];
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        v += a[i][k] * h[k][l] * a[j][l];
                    }
                }
                r[i][j] = v;
            }
        }
        return r;
    }

    private static double[][] spd(int n, Random rnd) {
        double[][] b = new double[n][n], a = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += b[k][i] * b[k][j];
                }
            }
            a[i][i] += 1;
        }
        return a;
    }

    private static double[] mul(double[][] a, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = dot(a[i], v);
        }
        return r;
    }

    private static double[] div(double[] v, double[] p) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / p[i];
        }
        return r;
    }

    private static double[] sub(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
