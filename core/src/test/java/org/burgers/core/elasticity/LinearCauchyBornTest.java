package org.burgers.core.elasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;

/** The linear (basis) client: its rows times c must equal the tensors of the potential sum_k c_k B_k. */
class LinearCauchyBornTest {
    static final MorseTestPotential[] FUNCTIONS = {
        new MorseTestPotential(1.0, 1.2, 2.6, 5.0), new MorseTestPotential(0.5, 1.8, 3.0, 5.0),
        new MorseTestPotential(0.2, 1.0, 2.2, 4.6)};

    /** A basis whose k-th function is the k-th Morse potential (energy, forces and virial features). */
    static final class MorseBasis implements LinearBasis {
        @Override
        public int size() {
            return FUNCTIONS.length;
        }

        @Override
        public double cutoff() {
            return 5.0;
        }

        @Override
        public Set<String> species() {
            return FUNCTIONS[0].species();
        }

        @Override
        public Features features(Structure s, NeighbourList fullList, boolean forces, boolean virial) {
            int m = size(), n = s.size();
            double[] e = new double[m], f = forces ? new double[3 * n * m] : null, w = virial ? new double[9 * m] : null;
            for (int k = 0; k < m; k++) {
                Evaluation ev = FUNCTIONS[k].evaluate(s, Request.FORCES);
                e[k] = ev.energy();
                for (int q = 0; forces && q < 3 * n; q++) {
                    f[q * m + k] = ev.forces()[q];
                }
                for (int q = 0; virial && q < 9; q++) {
                    w[q * m + k] = ev.virial()[q];
                }
            }
            return new Features(m, n, e, f, w);
        }
    }

    /** sum_k c_k B_k as a potential. */
    record Combination(double[] c) implements Potential {
        @Override
        public double cutoff() {
            return 5.0;
        }

        @Override
        public Set<String> species() {
            return FUNCTIONS[0].species();
        }

        @Override
        public boolean wantsHalfList() {
            return true;
        }

        @Override
        public Evaluation evaluate(Structure s, NeighbourList list, Request request) {
            double e = 0;
            double[] f = new double[3 * s.size()], w = new double[9];
            for (int k = 0; k < c.length; k++) {
                Evaluation ev = FUNCTIONS[k].evaluate(s, list, Request.FORCES);
                e += c[k] * ev.energy();
                for (int q = 0; q < f.length; q++) {
                    f[q] += c[k] * ev.forces()[q];
                }
                for (int q = 0; q < 9; q++) {
                    w[q] += c[k] * ev.virial()[q];
                }
            }
            return new Evaluation(e, null, f, w, null);
        }
    }

    @Test
    void rowsTimesCoefficientsEqualTheCombinedPotential() {
        Structure cell = Fixtures.bcc("W", 3.1, 1).deformed(Fixtures.randomStrain(0.01, 2));
        double[] c = {0.7, -0.3, 1.9};
        LinearCauchyBorn lin = LinearCauchyBorn.of(new MorseBasis(), cell);
        CauchyBorn pot = CauchyBorn.of(new Combination(c), cell, CauchyBorn.Ions.CLAMPED);
        int m = lin.size();
        assertEquals(3, m);
        double[] rows2 = lin.d2(), rows3 = lin.d3(), t2 = pot.d2(), t3 = pot.d3();
        assertEquals(81 * m, rows2.length);
        assertEquals(729 * m, rows3.length);
        double err2 = 0, err3 = 0, s2 = 0, s3 = 0;
        for (int q = 0; q < 81; q++) {
            err2 = Math.max(err2, Math.abs(dot(rows2, q, m, c) - t2[q]));
            s2 = Math.max(s2, Math.abs(t2[q]));
        }
        for (int q = 0; q < 729; q++) {
            err3 = Math.max(err3, Math.abs(dot(rows3, q, m, c) - t3[q]));
            s3 = Math.max(s3, Math.abs(t3[q]));
        }
        assertTrue(err2 < 1e-12 * s2 + 1e-14, "d2 rows " + err2);
        assertTrue(err3 < 1e-10 * s3 + 1e-12, "d3 rows " + err3);
        // energy density and stress rows, too
        double[] f = Fixtures.randomStrain(0.02, 9);
        double[] wk = lin.energyDensity(f), pk = lin.stress(f), p = pot.stress(f);
        assertEquals(pot.energyDensity(f), c[0] * wk[0] + c[1] * wk[1] + c[2] * wk[2], 1e-12);
        for (int q = 0; q < 9; q++) {
            assertEquals(p[q], dot(pk, q, m, c), 1e-12);
        }
        // a column is the tensor of one function: compare function 1 with its own CauchyBorn
        double[] col = LinearCauchyBorn.column(rows2, m, 1);
        double[] own = CauchyBorn.of(FUNCTIONS[1], cell, CauchyBorn.Ions.CLAMPED).d2();
        for (int q = 0; q < 81; q++) {
            assertEquals(own[q], col[q], 1e-12);
        }
    }

    private static double dot(double[] rows, int q, int m, double[] c) {
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += rows[q * m + k] * c[k];
        }
        return s;
    }
}
