package org.burgers.simulation.relax;

import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * Limited-memory BFGS (Nocedal, Math. Comp. 35, 773 (1980); Nocedal and Wright, Numerical Optimization,
 * Algorithm 7.4, the two-loop recursion) with the descent-guaranteeing {@link LineSearch}.
 *
 * <p>Plain: the initial inverse Hessian is gamma I with gamma = s.y / y.y of the newest pair (N&amp;W eq.
 * 7.20), 1/70 A^2/eV before the first pair (the stiffness guess of ASE's LBFGS). Preconditioned: it is
 * P^-1 with P the exponential preconditioner ({@link ExpPreconditioner}; Packwood et al. 2016), which
 * carries the long-wavelength stiffness of the crystal so step 1 is right from the start.
 *
 * <p>Safeguards: a pair (s, y) is stored only if s.y &gt; 0 (the curvature condition that keeps H positive
 * definite); a direction that is not a descent direction resets the memory; no atom moves by more than
 * {@link RelaxOptions#maxMove()} in a trial step.
 */
public final class LbfgsRelaxer implements Relaxer {
    private static final double CELL_MAX_STRAIN = 0.02;
    private final int memory;
    private final boolean preconditioned;

    /** Plain L-BFGS with 20 pairs of memory. */
    public LbfgsRelaxer() {
        this(20, false);
    }

    public LbfgsRelaxer(int memory, boolean preconditioned) {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1");
        }
        this.memory = memory;
        this.preconditioned = preconditioned;
    }

    /** L-BFGS preconditioned with the exponential preconditioner. */
    public static LbfgsRelaxer preconditioned() {
        return new LbfgsRelaxer(20, true);
    }

    @Override
    public String name() {
        return preconditioned ? "precon-lbfgs" : "lbfgs";
    }

    @Override
    public RelaxResult relax(Structure start, Potential potential, RelaxOptions o) {
        Objective obj = o.relaxCell() ? new CellObjective(start, potential, o) : new AtomsObjective(start, potential, o);
        Preconditioner pc = preconditioned ? new ExpPreconditioner(potential.cutoff()) : null;
        int n = obj.dimension();
        double[] x = obj.start();
        double[] g = new double[n];
        double e = obj.evaluate(x, g);
        Structure best = obj.structure();
        double fmax = obj.maxForce(), smax = obj.maxStress();
        if (obj.converged()) {
            return new RelaxResult(best, true, 0, obj.forceCalls(), e, fmax, smax, "converged at the start");
        }
        if (pc != null) {
            pc.update(obj, x, g);
        }
        double[][] s = new double[memory][], y = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0, newest = -1;
        double gamma = 1.0 / 70;
        double[] d = new double[n], xNew = new double[n], gNew = new double[n], alpha = new double[memory];
        int it = 0;
        String why = null;
        while (true) {
            if (it >= o.maxSteps()) {
                why = "iteration budget of " + o.maxSteps() + " exhausted";
                break;
            }
            int calls = obj.forceCalls() + (pc == null ? 0 : pc.forceCalls());
            if (calls >= o.maxForceCalls()) {
                why = "force-call budget of " + o.maxForceCalls() + " exhausted";
                break;
            }
            it++;
            direction(g, d, s, y, rho, stored, newest, alpha, gamma, pc);
            if (LineSearch.dot(g, d) >= 0) {
                stored = 0;
                direction(g, d, s, y, rho, 0, -1, alpha, gamma, pc);
            }
            limitStep(d, obj.atomDimension(), o.maxMove());
            LineSearch.Step step = LineSearch.search(obj, x, e, g, d, xNew, gNew, o.maxForceCalls() - calls);
            if (step.t() < 0 && stored > 0) {
                // the quasi-Newton model misled us: forget it and try the (preconditioned) gradient
                stored = 0;
                direction(g, d, s, y, rho, 0, -1, alpha, gamma, pc);
                limitStep(d, obj.atomDimension(), o.maxMove());
                step = LineSearch.search(obj, x, e, g, d, xNew, gNew, o.maxForceCalls() - obj.forceCalls());
            }
            if (step.t() < 0) {
                why = "line search found no decrease (energy and slope at rounding noise)";
                break;
            }
            int slot = (newest + 1) % memory;
            double[] sv = s[slot] == null ? new double[n] : s[slot];
            double[] yv = y[slot] == null ? new double[n] : y[slot];
            double sy = 0, yy = 0;
            for (int k = 0; k < n; k++) {
                sv[k] = xNew[k] - x[k];
                yv[k] = gNew[k] - g[k];
                sy += sv[k] * yv[k];
                yy += yv[k] * yv[k];
            }
            if (sy > 0 && yy > 0) {
                s[slot] = sv;
                y[slot] = yv;
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
                gamma = sy / yy;
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            e = step.energy();
            best = obj.structure();
            fmax = obj.maxForce();
            smax = obj.maxStress();
            if (obj.converged()) {
                return new RelaxResult(best, true, it, calls(obj, pc), e, fmax, smax, "converged");
            }
            if (pc != null && pc.update(obj, x, g)) {
                stored = 0;   // a new metric: the stored pairs belong to the old one
            }
        }
        return new RelaxResult(best, false, it, calls(obj, pc), e, fmax, smax, why);
    }

    private static int calls(Objective obj, Preconditioner pc) {
        return obj.forceCalls() + (pc == null ? 0 : pc.forceCalls());
    }

    /** d = -H g by the two-loop recursion over the stored pairs, newest first. */
    private static void direction(double[] g, double[] d, double[][] s, double[][] y, double[] rho, int stored,
                                  int newest, double[] alpha, double gamma, Preconditioner pc) {
        int m = s.length, n = g.length;
        double[] q = d;
        for (int k = 0; k < n; k++) {
            q[k] = -g[k];
        }
        for (int j = 0; j < stored; j++) {
            int i = Math.floorMod(newest - j, m);
            alpha[i] = rho[i] * LineSearch.dot(s[i], q);
            double a = alpha[i];
            double[] yi = y[i];
            for (int k = 0; k < n; k++) {
                q[k] -= a * yi[k];
            }
        }
        if (pc != null) {
            double[] z = new double[n];
            pc.solve(q, z);
            System.arraycopy(z, 0, q, 0, n);
        } else {
            for (int k = 0; k < n; k++) {
                q[k] *= gamma;
            }
        }
        for (int j = stored - 1; j >= 0; j--) {
            int i = Math.floorMod(newest - j, m);
            double b = rho[i] * LineSearch.dot(y[i], q);
            double c = alpha[i] - b;
            double[] si = s[i];
            for (int k = 0; k < n; k++) {
                q[k] += c * si[k];
            }
        }
    }

    /** Scale d so that no atom moves by more than maxMove and the cell strains by at most 2 %. */
    static void limitStep(double[] d, int atomDim, double maxMove) {
        double worst = 0;
        for (int i = 0; i < atomDim; i += 3) {
            worst = Math.max(worst, Math.sqrt(d[i] * d[i] + d[i + 1] * d[i + 1] + d[i + 2] * d[i + 2]));
        }
        double factor = worst > maxMove ? maxMove / worst : 1.0;
        if (d.length > atomDim) {
            double cell = 0;
            double scale = Math.sqrt(atomDim / 3.0 < 1 ? 1 : atomDim / 3.0);
            for (int k = atomDim; k < d.length; k++) {
                cell = Math.max(cell, Math.abs(d[k]) / scale);
            }
            if (cell * factor > CELL_MAX_STRAIN) {
                factor = CELL_MAX_STRAIN / cell;
            }
        }
        if (factor < 1) {
            for (int k = 0; k < d.length; k++) {
                d[k] *= factor;
            }
        }
    }
}
