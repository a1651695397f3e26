package org.burgers.potentials;

import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;

/** Symmetry checks of a potential; each returns the largest deviation found. */
public final class Invariance {
    private Invariance() {
    }

    /** Rotating cell and atoms by Q: E unchanged, f -> Q f, W -> Q W Q^T. Largest deviation (eV, eV/A). */
    public static double rotation(Potential p, Structure s, long seed) {
        double[] q = Fixtures.randomRotation(seed);
        Evaluation a = p.evaluate(s, Request.FORCES);
        Evaluation b = p.evaluate(s.deformed(q), Request.FORCES);
        double worst = Math.abs(a.energy() - b.energy());
        for (int i = 0; i < s.size(); i++) {
            for (int r = 0; r < 3; r++) {
                double fr = 0;
                for (int c = 0; c < 3; c++) {
                    fr += q[3 * r + c] * a.forces()[3 * i + c];
                }
                worst = Math.max(worst, Math.abs(fr - b.forces()[3 * i + r]));
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double w = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        w += q[3 * r + k] * a.virial()[3 * k + l] * q[3 * c + l];
                    }
                }
                worst = Math.max(worst, Math.abs(w - b.virial()[3 * r + c]));
            }
        }
        return worst;
    }

    /** Rigid translation by t: everything unchanged. */
    public static double translation(Potential p, Structure s, double[] t) {
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += t[i % 3];
        }
        return difference(p.evaluate(s, Request.ALL), p.evaluate(s.withPositions(x), Request.ALL), null);
    }

    /** Reverses the atom order: energies and forces follow the atoms. */
    public static double permutation(Potential p, Structure s, long seed) {
        int n = s.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random r = new java.util.Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return difference(p.evaluate(s, Request.ALL), p.evaluate(s.permuted(order), Request.ALL), order);
    }

    /** Moving atoms by whole cell vectors (re-wrapping): nothing changes. */
    public static double rewrap(Potential p, Structure s) {
        double[] x = s.positions();
        double[] m = s.cell().matrix();
        for (int i = 0; i < s.size(); i++) {
            int k = i % 3;
            int sign = i % 2 == 0 ? 1 : -1;
            for (int d = 0; d < 3; d++) {
                x[3 * i + d] += sign * m[3 * k + d];
            }
        }
        return difference(p.evaluate(s, Request.ALL), p.evaluate(s.withPositions(x).wrapped(), Request.ALL), null);
    }

    private static double difference(Evaluation a, Evaluation b, int[] order) {
        double worst = Math.abs(a.energy() - b.energy());
        int n = a.siteEnergies().length;
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            worst = Math.max(worst, Math.abs(a.siteEnergies()[i] - b.siteEnergies()[k]));
            for (int d = 0; d < 3; d++) {
                worst = Math.max(worst, Math.abs(a.forces()[3 * i + d] - b.forces()[3 * k + d]));
            }
        }
        for (int k = 0; k < 9; k++) {
            worst = Math.max(worst, Math.abs(a.virial()[k] - b.virial()[k]));
        }
        return worst;
    }
}
