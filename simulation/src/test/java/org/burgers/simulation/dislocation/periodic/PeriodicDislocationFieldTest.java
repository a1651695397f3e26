package org.burgers.simulation.dislocation.periodic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.burgers.simulation.dislocation.elastic.ElasticTensor;
import org.burgers.simulation.dislocation.elastic.StrohIntegral;
import org.junit.jupiter.api.Test;

class PeriodicDislocationFieldTest {
    static final double[] FRAME = {1, 1, -2, -1, 1, 0, 1, 1, 1};
    static final double LX = 40;
    static final double LY = 30;
    static final double[] B = {0.6, 0, 1.1};

    static StrohIntegral field() {
        return new StrohIntegral(ElasticTensor.cubic(243, 145, 116).rotated(FRAME), B);
    }

    static PeriodicDislocationField dipole(int m) {
        return new PeriodicDislocationField(List.of(Dipole.onPlane(field(), 10.3, 30.3, 7.7)),
                new double[] {LX, 0}, new double[] {0, LY}, new double[] {0, 0}, m);
    }

    static PeriodicDislocationField quadrupole(int m) {
        StrohIntegral f = field();
        return new PeriodicDislocationField(List.of(Dipole.onPlane(f, 10.3, 30.3, 7.7), Dipole.onPlane(f, 30.3, 10.3, 22.7)),
                new double[] {LX, 0}, new double[] {0, LY}, new double[] {0, 0}, m);
    }

    static boolean nearCut(double x, double y) {
        double yy = ((y % LY) + LY) % LY;
        return Math.abs(yy - 7.7) < 0.5 || Math.abs(yy - 22.7) < 0.5;
    }

    @Test
    void correctedSumIsPeriodicAndConverged() {
        for (PeriodicDislocationField[] pair : new PeriodicDislocationField[][] {{dipole(4), dipole(8)},
            {quadrupole(4), quadrupole(8)}}) {
            PeriodicDislocationField f = pair[1];
            Random r = new Random(1);
            double[] a = new double[3];
            double[] c = new double[3];
            double[] ref6 = new double[3];
            double[] ref14 = new double[3];
            pair[0].displacement(1, 1, ref6);
            f.displacement(1, 1, ref14);
            double worstPeriodic = 0;
            double worstConverged = 0;
            for (int t = 0; t < 40; t++) {
                double x = LX * r.nextDouble();
                double y = LY * r.nextDouble();
                if (nearCut(x, y)) {
                    continue;
                }
                f.displacement(x, y, a);
                f.displacement(x + LX, y, c);
                for (int i = 0; i < 3; i++) {
                    worstPeriodic = Math.max(worstPeriodic, Math.abs(c[i] - a[i]));
                }
                f.displacement(x, y + LY, c);
                for (int i = 0; i < 3; i++) {
                    worstPeriodic = Math.max(worstPeriodic, Math.abs(c[i] - a[i]));
                }
                pair[0].displacement(x, y, c);
                for (int i = 0; i < 3; i++) {
                    worstConverged = Math.max(worstConverged, Math.abs((c[i] - ref6[i]) - (a[i] - ref14[i])));
                }
            }
            // Cai-corrected, Richardson-extrapolated truncation error (measured ~M^-3) against |b| ~ 1.25
            assertEquals(0, worstPeriodic, 1e-4, "periodicity");
            assertEquals(0, worstConverged, 5e-4, "image-count convergence");
        }
    }

    /** Mean of the smooth displacement gradient over the cell (midpoint grid; the 1/r core terms cancel). */
    static double[] meanGradient(PeriodicDislocationField f, int n) {
        double[] g = new double[9];
        double[] mean = new double[9];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f.gradient(LX * (i + 0.5) / n, LY * (j + 0.5) / n, g);
                for (int p = 0; p < 9; p++) {
                    mean[p] += g[p] / (n * n);
                }
            }
        }
        return mean;
    }

    @Test
    void plasticDistortionCancelsTheMeanElasticStrain() {
        PeriodicDislocationField f = dipole(4);
        double[] beta = f.plasticDistortion();
        // the dipole slipped segment of length 20 of a 40 x 30 cell: |beta_i,y| = b_i * 20 / 1200
        assertEquals(-B[2] * 20 / (LX * LY), beta[3 * 2 + 1], 1e-15);
        double[] mean = meanGradient(f, 64);
        for (int p = 0; p < 9; p++) {
            assertEquals(0, mean[p] + beta[p], 2e-4, "mean elastic distortion component " + p);
        }
        // the quadrupole: two opposite segments, no net plastic strain and no mean elastic strain
        PeriodicDislocationField q = quadrupole(4);
        double[] qb = q.plasticDistortion();
        double[] qm = meanGradient(q, 64);
        for (int p = 0; p < 9; p++) {
            assertEquals(0, qb[p], 1e-15);
            assertEquals(0, qm[p], 2e-4, "quadrupole mean distortion " + p);
        }
    }

    @Test
    void slantedCutGivesTheSameStrainAndItsOwnPlasticDistortion() {
        // the same cores joined by a slanted cut: gradients identical (the cut is invisible to strain), the
        // displacement differs only by b on the region between the two cuts, and the mean strain is again
        // cancelled by the plastic distortion of the slanted segment
        StrohIntegral f = field();
        PeriodicDislocationField slanted = new PeriodicDislocationField(
                // cores on vertices of the 64 x 64 sampling grid, so the odd 1/r core terms cancel in the mean
                List.of(new Dipole(f, new double[] {10.0, 7.5}, new double[] {30.0, 12.1875})),
                new double[] {LX, 0}, new double[] {0, LY}, new double[] {0, 0}, 4);
        double[] beta = slanted.plasticDistortion();
        double[] mean = meanGradient(slanted, 64);
        for (int p = 0; p < 9; p++) {
            assertEquals(0, mean[p] + beta[p], 2e-4, "mean elastic distortion component " + p);
        }
        assertEquals(B[2] * 4.6875 / (LX * LY), beta[3 * 2], 1e-15);
    }

    /**
     * The bent cut of the diagonal layout, built as two dipoles (P+, C) and (C, P-) sharing the corner C: the
     * fields at C cancel, so the strain is that of the straight cut P+ -> P- (cut invisible to strain), the
     * displacement differs from it by exactly b on the triangle between the two cuts that lies left of the
     * straight one (and by nothing elsewhere), the plastic distortion depends only on the end points, and
     * the cell mean of the elastic distortion plus beta vanishes.
     */
    @Test
    void bentCutThroughACornerHasTheStraightCutsStrainAndMean() {
        StrohIntegral f = field();
        // cores on vertices of the 64 x 64 sampling grid (odd 1/r core terms cancel in the mean)
        double[] plus = {10.0, 22.5};
        double[] minus = {30.0, 7.5};
        double[] corner = {minus[0], plus[1]};
        PeriodicDislocationField bent = new PeriodicDislocationField(
                List.of(new Dipole(f, plus, corner), new Dipole(f, corner, minus)),
                new double[] {LX, 0}, new double[] {0, LY}, new double[] {0, 0}, 4);
        PeriodicDislocationField straight = new PeriodicDislocationField(List.of(new Dipole(f, plus, minus)),
                new double[] {LX, 0}, new double[] {0, LY}, new double[] {0, 0}, 4);
        double[] beta = bent.plasticDistortion();
        double[] betaStraight = straight.plasticDistortion();
        for (int p = 0; p < 9; p++) {
            assertEquals(betaStraight[p], beta[p], 1e-15, "plastic distortion " + p);
        }
        // beta_{i,x} = -b_i (Ly/2) / A, beta_{i,y} = -b_i (Lx/2) / A for the segment (Lx/2, -Ly/2)
        assertEquals(-B[0] * 15 / (LX * LY), beta[0], 1e-15);
        assertEquals(-B[2] * 20 / (LX * LY), beta[7], 1e-15);
        double[] mean = meanGradient(bent, 64);
        for (int p = 0; p < 9; p++) {
            assertEquals(0, mean[p] + beta[p], 2e-4, "mean elastic distortion component " + p);
        }
        Random r = new Random(3);
        double[] gb = new double[9];
        double[] gs = new double[9];
        double[] ub = new double[3];
        double[] us = new double[3];
        int inside = 0;
        for (int t = 0; t < 200; t++) {
            double x = LX * r.nextDouble();
            double y = LY * r.nextDouble();
            bent.gradient(x, y, gb);
            straight.gradient(x, y, gs);
            for (int p = 0; p < 9; p++) {
                assertEquals(gs[p], gb[p], 1e-9 * (1 + Math.abs(gs[p])), "gradient at " + x + ", " + y);
            }
            // triangle between the cuts: x < Cx, y < Cy, above the straight segment (its left side)
            double above = (y - plus[1]) - (minus[1] - plus[1]) / (minus[0] - plus[0]) * (x - plus[0]);
            boolean inTriangle = x > plus[0] && x < corner[0] && y < corner[1] && above > 0;
            double dist = Math.min(Math.min(Math.abs(y - corner[1]), Math.abs(x - corner[0])), Math.abs(above) * 0.8);
            if (dist < 0.05) {
                continue;
            }
            inside += inTriangle ? 1 : 0;
            bent.displacement(x, y, ub);
            straight.displacement(x, y, us);
            for (int i = 0; i < 3; i++) {
                assertEquals(inTriangle ? B[i] : 0, ub[i] - us[i], 1e-9, "displacement difference at " + x + ", " + y);
            }
        }
        assertTrue(inside > 10, "points in the triangle: " + inside);
    }

    @Test
    void circuitAroundOneCoreIsBAndAroundTheCellIsZero() {
        PeriodicDislocationField f = quadrupole(4);
        double[] around = circuit(f, 10.3, 7.7, 3.0);
        double[] cellLoop = circuit(f, 20, 15, 4.0);   // encloses no core
        for (int i = 0; i < 3; i++) {
            assertEquals(B[i], around[i], 1e-8);
            assertEquals(0, cellLoop[i], 1e-8);
        }
    }

    static double[] circuit(PeriodicDislocationField f, double cx, double cy, double rad) {
        int n = 720;
        double[] sum = new double[3];
        double[] g = new double[9];
        for (int k = 0; k < n; k++) {
            double th = 2 * Math.PI * (k + 0.5) / n;
            f.gradient(cx + rad * Math.cos(th), cy + rad * Math.sin(th), g);
            double dx = -rad * Math.sin(th) * 2 * Math.PI / n;
            double dy = rad * Math.cos(th) * 2 * Math.PI / n;
            for (int i = 0; i < 3; i++) {
                sum[i] += g[3 * i] * dx + g[3 * i + 1] * dy;
            }
        }
        return sum;
    }
}
