package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.burgers.ace.coupling.ClebschGordan;
import org.burgers.ace.harmonics.RealSphericalHarmonics;
import org.burgers.ace.radial.OrthonormalJacobi;
import org.burgers.ace.radial.RadialBasis;
import org.junit.jupiter.api.Test;

/** Real spherical harmonics, Clebsch-Gordan coefficients and radial functions against closed forms. */
class HarmonicsAndCouplingTest {

    @Test
    void lowOrderHarmonicsMatchClosedForms() {
        RealSphericalHarmonics sh = new RealSphericalHarmonics(2);
        double[] y = new double[9];
        double x = 0.3, yy = -0.7, z = 0.5;
        double r = Math.sqrt(x * x + yy * yy + z * z);
        sh.evaluate(x, yy, z, y, 0, null, 0, sh.newScratch());
        double c1 = Math.sqrt(3 / (4 * Math.PI));
        assertEquals(0.5 / Math.sqrt(Math.PI), y[0], 1e-15);
        assertEquals(c1 * z / r, y[RealSphericalHarmonics.index(1, 0)], 1e-15);
        // sqrt(2)(-1)^m Re Y_1^1 = sqrt(3/4pi) x/r with the Condon-Shortley phase
        assertEquals(c1 * x / r, y[RealSphericalHarmonics.index(1, 1)], 1e-15);
        assertEquals(c1 * yy / r, y[RealSphericalHarmonics.index(1, -1)], 1e-15);
        double c2 = 0.5 * Math.sqrt(15 / Math.PI);
        assertEquals(c2 * x * yy / (r * r), y[RealSphericalHarmonics.index(2, -2)], 1e-15);
        assertEquals(0.25 * Math.sqrt(5 / Math.PI) * (3 * z * z - r * r) / (r * r),
                y[RealSphericalHarmonics.index(2, 0)], 1e-15);
    }

    @Test
    void additionTheoremAndGradientsHoldToHighDegree() {
        int lmax = 20;
        RealSphericalHarmonics sh = new RealSphericalHarmonics(lmax);
        double[] y = new double[sh.size()], dy = new double[3 * sh.size()];
        double[] yp = new double[sh.size()], ym = new double[sh.size()], s = sh.newScratch();
        Random rnd = new Random(3);
        double worstAdd = 0, worstGrad = 0;
        for (int trial = 0; trial < 50; trial++) {
            double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            if (trial == 0) {
                v = new double[] {0, 0, 1.3};   // the pole, where angle-based formulas break down
            }
            sh.evaluate(v[0], v[1], v[2], y, 0, dy, 0, s);
            for (int l = 0; l <= lmax; l++) {
                double sum = 0;
                for (int m = -l; m <= l; m++) {
                    sum += y[RealSphericalHarmonics.index(l, m)] * y[RealSphericalHarmonics.index(l, m)];
                }
                worstAdd = Math.max(worstAdd, Math.abs(sum - (2 * l + 1) / (4 * Math.PI)));
            }
            double h = 1e-6;
            for (int d = 0; d < 3; d++) {
                double[] w = v.clone();
                w[d] += h;
                sh.evaluate(w[0], w[1], w[2], yp, 0, null, 0, s);
                w[d] -= 2 * h;
                sh.evaluate(w[0], w[1], w[2], ym, 0, null, 0, s);
                for (int k = 0; k < sh.size(); k++) {
                    int l = (int) Math.sqrt(k);
                    double fd = (yp[k] - ym[k]) / (2 * h);
                    worstGrad = Math.max(worstGrad, Math.abs(fd - dy[3 * k + d]) / (1 + l * l));
                }
            }
        }
        assertTrue(worstAdd < 1e-12, "addition theorem error " + worstAdd);
        assertTrue(worstGrad < 1e-6, "gradient error " + worstGrad);
    }

    @Test
    void clebschGordanKnownValuesAndOrthogonality() {
        assertEquals(-1 / Math.sqrt(3), ClebschGordan.cg(1, 0, 1, 0, 0, 0), 1e-15);
        assertEquals(1 / Math.sqrt(3), ClebschGordan.cg(1, 1, 1, -1, 0, 0), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3.0), ClebschGordan.cg(1, 0, 1, 0, 2, 0), 1e-15);
        assertEquals(1 / Math.sqrt(2), ClebschGordan.cg(1, 1, 1, 0, 1, 1), 1e-15);
        for (int j1 = 0; j1 <= 6; j1++) {
            for (int j2 = 0; j2 <= 6; j2++) {
                for (int jj = Math.abs(j1 - j2); jj <= j1 + j2; jj++) {
                    for (int mm = -jj; mm <= jj; mm++) {
                        double s = 0;
                        for (int m1 = -j1; m1 <= j1; m1++) {
                            double c = ClebschGordan.cg(j1, m1, j2, mm - m1, jj, mm);
                            s += c * c;
                        }
                        assertEquals(1.0, s, 1e-13, j1 + " " + j2 + " " + jj + " " + mm);
                    }
                }
            }
        }
    }

    @Test
    void radialFunctionsAreOrthonormalInYAndVanishSmoothlyAtTheCutoff() {
        // Gauss-Legendre quadrature on [-1, 1] of (p_j p_k (1 - y^2)^4)
        int nq = 40;
        double[] nodes = new double[nq], weights = new double[nq];
        gaussLegendre(nq, nodes, weights);
        OrthonormalJacobi j = new OrthonormalJacobi(12, 4);
        double[] p = new double[12], dp = new double[12];
        double[][] g = new double[12][12];
        for (int q = 0; q < nq; q++) {
            j.evaluate(nodes[q], p, dp, 0);
            double w = weights[q] * Math.pow(1 - nodes[q] * nodes[q], 4);
            for (int a = 0; a < 12; a++) {
                for (int b = 0; b < 12; b++) {
                    g[a][b] += w * p[a] * p[b];
                }
            }
        }
        for (int a = 0; a < 12; a++) {
            for (int b = 0; b < 12; b++) {
                assertEquals(a == b ? 1.0 : 0.0, g[a][b], 1e-12);
            }
        }
        RadialBasis rb = new RadialBasis(10, 2.74, 5.5);
        double[] r = new double[10], dr = new double[10], s = new double[4];
        rb.evaluate(5.5 - 1e-7, r, dr, 0, s);
        for (int n = 0; n < 10; n++) {
            assertTrue(Math.abs(r[n]) < 1e-9 && Math.abs(dr[n]) < 1e-4, "R_" + (n + 1) + " at rcut");
        }
    }

    static void gaussLegendre(int n, double[] x, double[] w) {
        for (int i = 0; i < n; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double pp = 0;
            for (int it = 0; it < 100; it++) {
                double p1 = 1, p2 = 0;
                for (int k = 1; k <= n; k++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * k - 1) * z * p2 - (k - 1) * p3) / k;
                }
                pp = n * (z * p1 - p2) / (z * z - 1);
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) < 1e-16) {
                    break;
                }
            }
            x[i] = z;
            w[i] = 2 / ((1 - z * z) * pp * pp);
        }
    }
}
