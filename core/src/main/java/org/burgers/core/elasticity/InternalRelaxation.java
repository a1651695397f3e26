package org.burgers.core.elasticity;

import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Relaxes the internal shifts of the atoms of a small periodic cell at fixed cell (W_cb(F) = min_p W(F, p),
 * DESIGN.md s.3) by Newton's method. The Hessian is the potential's own when it provides one, otherwise a
 * central difference of its forces. Rigid translations (a zero mode) are removed by adding
 * lambda * (projector on uniform translations) to the Hessian: the forces have no translation component,
 * so neither has the step. Converged to a force residual at round-off level, because the relaxed-ion
 * stress enters second differences with steps of 1e-2 (an error delta in the forces becomes ~delta/h^2).
 */
final class InternalRelaxation {
    /** Target largest force component (eV/A); Newton reaches it in a few steps from a nearby start. */
    static final double TOLERANCE = 1e-12;
    /** Largest residual accepted when round-off stops further progress. */
    static final double ACCEPT = 1e-9;
    private static final int MAX_ITERATIONS = 60;
    private static final double FD_STEP = 1e-5;

    private InternalRelaxation() {
    }

    static Structure relax(Potential p, Structure s) {
        Structure cur = s;
        Evaluation e = p.evaluate(cur, Request.FORCES);
        double fmax = maxAbs(e.forces());
        int n3 = 3 * s.size();
        for (int it = 0; it < MAX_ITERATIONS && fmax > TOLERANCE; it++) {
            DMatrixRMaj h = hessian(p, cur);
            double lambda = 0;
            for (int k = 0; k < n3; k++) {
                lambda += Math.abs(h.get(k, k));
            }
            lambda = Math.max(lambda / n3, 1e-6);
            int n = s.size();
            for (int i = 0; i < n3; i++) {
                for (int j = 0; j < n3; j++) {
                    if (i % 3 == j % 3) {
                        h.add(i, j, lambda / n);   // (1/n) sum over atoms of e_a e_a^T: translation projector
                    }
                }
            }
            DMatrixRMaj f = new DMatrixRMaj(n3, 1, true, e.forces());
            DMatrixRMaj dx = new DMatrixRMaj(n3, 1);
            boolean solved = CommonOps_DDRM.solve(h, f, dx);
            double descent = 0;
            for (int k = 0; k < n3; k++) {
                descent += dx.get(k) * f.get(k);
            }
            if (!solved || !(descent > 0)) {
                // not a minimum direction (indefinite Hessian): fall back to a small steepest-descent step
                for (int k = 0; k < n3; k++) {
                    dx.set(k, f.get(k) / lambda);
                }
            }
            // backtrack on the force residual, which (unlike the energy) is not lost in round-off near the end
            double step = 1;
            Structure trial = null;
            Evaluation te = null;
            boolean improved = false;
            for (int ls = 0; ls < 30; ls++) {
                double[] x = cur.positions();
                for (int k = 0; k < n3; k++) {
                    x[k] += step * dx.get(k);
                }
                trial = cur.withPositions(x);
                te = p.evaluate(trial, Request.FORCES);
                if (maxAbs(te.forces()) < fmax) {
                    improved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!improved) {
                break;   // at round-off level
            }
            cur = trial;
            e = te;
            fmax = maxAbs(e.forces());
        }
        if (fmax > ACCEPT) {
            throw new IllegalStateException("internal relaxation of the Cauchy-Born cell did not converge: "
                    + "largest force component " + fmax + " eV/A (tolerance " + ACCEPT + ")");
        }
        return cur;
    }

    private static DMatrixRMaj hessian(Potential p, Structure s) {
        int n3 = 3 * s.size();
        BlockHessian bh = p.evaluate(s, Request.WITH_HESSIAN).hessian();
        DMatrixRMaj h;
        if (bh != null) {
            h = bh.toDense();
        } else {
            h = new DMatrixRMaj(n3, n3);
            double[] x = s.positions();
            for (int k = 0; k < n3; k++) {
                double x0 = x[k];
                x[k] = x0 + FD_STEP;
                double[] fp = p.evaluate(s.withPositions(x), Request.FORCES).forces();
                x[k] = x0 - FD_STEP;
                double[] fm = p.evaluate(s.withPositions(x), Request.FORCES).forces();
                x[k] = x0;
                for (int m = 0; m < n3; m++) {
                    h.set(m, k, -(fp[m] - fm[m]) / (2 * FD_STEP));
                }
            }
        }
        // symmetrise (exact for an analytic Hessian, removes O(h^2) asymmetry of the difference one)
        for (int i = 0; i < n3; i++) {
            for (int j = i + 1; j < n3; j++) {
                double v = 0.5 * (h.get(i, j) + h.get(j, i));
                h.set(i, j, v);
                h.set(j, i, v);
            }
        }
        return h;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
