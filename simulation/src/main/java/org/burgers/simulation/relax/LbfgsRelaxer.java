package org.burgers.simulation.relax;

import org.burgers.core.neighbours.CoincidentAtomsException;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * Limited-memory BFGS (Nocedal, Math. Comp. 35, 773 (1980); Nocedal and Wright, Numerical Optimization,
 * Algorithm 7.4, the two-loop recursion) with the descent-guaranteeing {@link LineSearch}.
 *
 * <p>Plain: the initial inverse Hessian is gamma I with gamma = s.y / y.y of the newest pair (N&amp;W eq.
 * 7.20), 1/70 A^2/eV before the first pair (the stiffness guess of ASE's LBFGS). Preconditioned: it is
 * gamma P^-1 with P the exponential preconditioner ({@link ExpPreconditioner}; Packwood et al. 2016), which
 * carries the long-wavelength stiffness of the crystal, and gamma = s.y / y.P^-1.y the same scaling in the
 * P-metric (1 before the first pair). One solve with P per iteration: P^-1 g at the new point, from which
 * the two-loop recursion gets H0 q by linearity (see {@link Memory}).
 *
 * <p>Safeguards: a pair (s, y) is stored only if s.y &gt; 0 (the curvature condition that keeps H positive
 * definite); a direction that is not a descent direction resets the memory; no atom moves by more than
 * {@link RelaxOptions#maxMove()} in a trial step.
 */
public final class LbfgsRelaxer implements Relaxer {
    private static final double CELL_MAX_STRAIN = 0.02;
    private final int memory;
    private final boolean preconditioned;
    private final ExpPreconditioner.Settings settings;

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
        this.settings = ExpPreconditioner.Settings.defaults();
    }

    /** Preconditioned, with the given preconditioner constants (probes and tests). */
    LbfgsRelaxer(int memory, ExpPreconditioner.Settings settings) {
        this.memory = memory;
        this.preconditioned = true;
        this.settings = settings;
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
        return relax(start, potential, o, null);
    }

    /** As {@link #relax(Structure, Potential, RelaxOptions)}, recording where the effort went if trace != null. */
    RelaxResult relax(Structure start, Potential potential, RelaxOptions o, RelaxTrace trace) {
        Objective raw = o.relaxCell() ? new CellObjective(start, potential, o)
                : new AtomsObjective(start, potential, o);
        Objective obj = trace == null ? raw : new TimedObjective(raw, trace);
        ExpPreconditioner epc = preconditioned ? new ExpPreconditioner(potential.cutoff(), settings) : null;
        Preconditioner pc = epc == null ? null : trace == null ? epc : new TimedPreconditioner(epc, trace);
        RelaxResult r = run(obj, pc, o, trace);
        if (trace != null && epc != null) {
            trace.preconBuilds = epc.builds();
            trace.preconForceCalls = epc.forceCalls();
            trace.cgIterations = epc.cgIterations();
            trace.mu = epc.mu();
            trace.matrixNanos = epc.matrixNanos;
            trace.multigridNanos = epc.multigridNanos;
            trace.rnnNanos = epc.rnnNanos;
        }
        return r;
    }

    /** The iteration itself, for a given objective and preconditioner (package-private for tests). */
    RelaxResult run(Objective obj, Preconditioner pc, RelaxOptions o, RelaxTrace trace) {
        int n = obj.dimension();
        double[] x = obj.start();
        double[] g = new double[n];
        double e = obj.evaluate(x, g);
        Structure best = obj.structure();
        double fmax = obj.maxForce(), smax = obj.maxStress();
        if (obj.converged()) {
            return new RelaxResult(best, true, 0, obj.forceCalls(), e, fmax, smax, "converged at the start");
        }
        Memory mem = new Memory(memory, n, pc != null);
        double[] zg = null, zgNew = null;
        if (pc != null) {
            pc.update(obj, x, g);
            zg = new double[n];
            zgNew = new double[n];
            pc.solve(g, zg);
            // P couples atoms, so P^-1 g is projected onto the free coordinates (MoveMask); every search
            // direction is then a combination of g, P^-1 g and stored pairs s, P^-1 y that all vanish there
            obj.project(zg);
        }
        double[] d = new double[n], xNew = new double[n], gNew = new double[n];
        int it = 0;
        String why = null;
        NonFiniteTrials nonFinite = new NonFiniteTrials();
        boolean whyNamesNonFinite = false;   // why already says the potential was not finite
        try {
            while (true) {
                if (it >= o.maxSteps()) {
                    why = "iteration budget of " + o.maxSteps() + " exhausted";
                    break;
                }
                int calls = calls(obj, pc);
                if (calls >= o.maxForceCalls()) {
                    why = "force-call budget of " + o.maxForceCalls() + " exhausted";
                    break;
                }
                it++;
                mem.direction(g, zg, d);
                if (LineSearch.dot(g, d) >= 0) {
                    mem.reset(trace);
                    mem.direction(g, zg, d);
                }
                limitStep(d, obj.atomDimension(), o.maxMove());
                LineSearch.Step step = LineSearch.search(obj, x, e, g, d, xNew, gNew, o.maxForceCalls() - calls);
                record(trace, step);
                nonFinite.note(step);
                if (step.t() < 0 && mem.stored > 0) {
                    // the quasi-Newton model misled us: forget it and try the (preconditioned) gradient
                    mem.reset(trace);
                    mem.direction(g, zg, d);
                    limitStep(d, obj.atomDimension(), o.maxMove());
                    step = LineSearch.search(obj, x, e, g, d, xNew, gNew, o.maxForceCalls() - calls(obj, pc));
                    record(trace, step);
                    nonFinite.note(step);
                }
                if (step.t() < 0) {
                    whyNamesNonFinite = step.nonFinite() != null;
                    why = whyNamesNonFinite
                            ? "line search found no decrease at iteration " + it + ", its trials meeting a non-finite "
                            + "potential (" + step.nonFinite() + ")"
                            : "line search found no decrease (energy and slope at rounding noise)";
                    break;
                }
                double sy = 0;
                for (int k = 0; k < n; k++) {
                    sy += (xNew[k] - x[k]) * (gNew[k] - g[k]);
                }
                // x and g move to the new point; xNew and gNew keep the old one until the pair is stored
                double[] tmp = x;
                x = xNew;
                xNew = tmp;
                tmp = g;
                g = gNew;
                gNew = tmp;
                e = step.energy();
                best = obj.structure();
                fmax = obj.maxForce();
                smax = obj.maxStress();
                if (trace != null) {
                    trace.iterations = it;
                    trace.iteration(it, step.t(), step.trials(), e, fmax, maxAtomMove(d, obj.atomDimension()) * step.t());
                }
                if (obj.converged()) {
                    return new RelaxResult(best, true, it, calls(obj, pc), e, fmax, smax, "converged");
                }
                boolean newMetric = false;
                if (pc != null) {
                    newMetric = pc.update(obj, x, g);
                    pc.solve(g, zgNew);
                    obj.project(zgNew);
                }
                if (newMetric) {
                    mem.reset(trace);   // a new metric: the stored pairs belong to the old one
                } else if (sy > 0) {
                    mem.store(x, xNew, g, gNew, zgNew, zg, sy);
                }
                if (trace != null) {
                    trace.pgamma = mem.gamma;
                }
                if (pc != null) {
                    tmp = zg;
                    zg = zgNew;
                    zgNew = tmp;
                }
            }
        } catch (NonFiniteEvaluationException | CoincidentAtomsException ex) {
            // a collapse found outside a line search's trials (the preconditioner's neighbour list at an
            // accepted point, a model pulling atoms together without a barrier): the run ends here, unconverged
            why = "at iteration " + it + ": " + ex.getMessage();
            whyNamesNonFinite = true;
        }
        if (nonFinite.iterations > 0 && !whyNamesNonFinite) {
            why += "; the potential was not finite at trial steps of " + nonFinite.iterations + " iteration(s), last: "
                    + nonFinite.last;
        }
        return new RelaxResult(best, false, it, calls(obj, pc), e, fmax, smax, why);
    }

    /** The line searches of a run whose trials met a non-finite potential: how many, and the last message. */
    private static final class NonFiniteTrials {
        int iterations;
        String last;

        void note(LineSearch.Step step) {
            if (step.nonFinite() != null) {
                iterations++;
                last = step.nonFinite();
            }
        }
    }

    /**
     * The stored curvature pairs and the two-loop recursion (N&amp;W Algorithm 7.4). With a preconditioner
     * the initial inverse Hessian is H0 = gamma P^-1 and the pairs also keep P^-1 y = P^-1 g_new - P^-1 g_old,
     * the difference of the solves already done for the directions, so H0 q = gamma (P^-1 g - sum_i alpha_i
     * P^-1 y_i) costs no solve of its own; gamma = s.y / y.P^-1.y of the newest pair is N&amp;W's scaling (7.20)
     * in the P-metric (with mu from a single test displacement, P alone gave steps two to four times too long
     * on dislocation cells: a third of all line-search trials were rejections). Without: H0 = gamma I, gamma = s.y / y.y,
     * 1/70 A^2/eV before the first pair (ASE's stiffness guess).
     */
    static final class Memory {
        final double[][] s;
        final double[][] y;
        final double[][] py;
        final double[] rho;
        final double[] alpha;
        final double[] q;
        int stored;
        int newest = -1;
        double gamma;

        Memory(int m, int n, boolean preconditioned) {
            s = new double[m][];
            y = new double[m][];
            py = preconditioned ? new double[m][] : null;
            rho = new double[m];
            alpha = new double[m];
            q = new double[n];
            gamma = preconditioned ? 1.0 : 1.0 / 70;
        }

        void reset(RelaxTrace trace) {
            stored = 0;
            if (trace != null) {
                trace.memoryResets++;
            }
        }

        /** Stores s = x - xOld, y = g - gOld (s.y = sy &gt; 0) and, preconditioned, P^-1 y = zg - zgOld. */
        void store(double[] x, double[] xOld, double[] g, double[] gOld, double[] zg, double[] zgOld, double sy) {
            int m = s.length, n = x.length;
            int slot = (newest + 1) % m;
            if (s[slot] == null) {
                s[slot] = new double[n];
                y[slot] = new double[n];
                if (py != null) {
                    py[slot] = new double[n];
                }
            }
            double[] sv = s[slot], yv = y[slot];
            double yHy = 0;
            for (int k = 0; k < n; k++) {
                sv[k] = x[k] - xOld[k];
                yv[k] = g[k] - gOld[k];
            }
            if (py != null) {
                double[] pv = py[slot];
                for (int k = 0; k < n; k++) {
                    pv[k] = zg[k] - zgOld[k];
                    yHy += yv[k] * pv[k];
                }
            } else {
                for (int k = 0; k < n; k++) {
                    yHy += yv[k] * yv[k];
                }
            }
            rho[slot] = 1 / sy;
            newest = slot;
            stored = Math.min(stored + 1, m);
            if (yHy > 0) {
                gamma = sy / yHy;
            }
        }

        /** d = -H g; zg = P^-1 g when preconditioned (else unused). */
        void direction(double[] g, double[] zg, double[] d) {
            int m = s.length, n = g.length;
            for (int k = 0; k < n; k++) {
                q[k] = -g[k];
                d[k] = py != null ? -zg[k] : -g[k];
            }
            for (int j = 0; j < stored; j++) {
                int i = Math.floorMod(newest - j, m);
                double a = rho[i] * LineSearch.dot(s[i], q);
                alpha[i] = a;
                double[] yi = y[i];
                double[] hi = py != null ? py[i] : yi;
                for (int k = 0; k < n; k++) {
                    q[k] -= a * yi[k];
                    d[k] -= a * hi[k];   // H0-free part: d tracks P^-1 q (or q)
                }
            }
            for (int k = 0; k < n; k++) {
                d[k] *= gamma;
            }
            for (int j = stored - 1; j >= 0; j--) {
                int i = Math.floorMod(newest - j, m);
                double c = alpha[i] - rho[i] * LineSearch.dot(y[i], d);
                double[] si = s[i];
                for (int k = 0; k < n; k++) {
                    d[k] += c * si[k];
                }
            }
        }
    }

    private static void record(RelaxTrace trace, LineSearch.Step step) {
        if (trace != null) {
            trace.lineSearchTrials += step.trials();
            trace.backtracks += step.trials() - (step.t() < 0 ? 0 : 1);
        }
    }

    private static int calls(Objective obj, Preconditioner pc) {
        return obj.forceCalls() + (pc == null ? 0 : pc.forceCalls());
    }

    private static double maxAtomMove(double[] d, int atomDim) {
        double worst = 0;
        for (int i = 0; i < atomDim; i += 3) {
            worst = Math.max(worst, Math.sqrt(d[i] * d[i] + d[i + 1] * d[i + 1] + d[i + 2] * d[i + 2]));
        }
        return worst;
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

    /** Times the force calls of an objective (trace only). */
    private static final class TimedObjective implements Objective {
        private final Objective inner;
        private final RelaxTrace trace;

        TimedObjective(Objective inner, RelaxTrace trace) {
            this.inner = inner;
            this.trace = trace;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double[] start() {
            return inner.start();
        }

        @Override
        public double evaluate(double[] x, double[] grad) {
            long t0 = System.nanoTime();
            double e = inner.evaluate(x, grad);
            trace.forceNanos += System.nanoTime() - t0;
            return e;
        }

        @Override
        public double maxForce() {
            return inner.maxForce();
        }

        @Override
        public double maxStress() {
            return inner.maxStress();
        }

        @Override
        public boolean converged() {
            return inner.converged();
        }

        @Override
        public Structure structure() {
            return inner.structure();
        }

        @Override
        public int forceCalls() {
            return inner.forceCalls();
        }

        @Override
        public int atomDimension() {
            return inner.atomDimension();
        }

        @Override
        public void project(double[] v) {
            inner.project(v);
        }
    }

    /** Times the builds and solves of a preconditioner (trace only). */
    private static final class TimedPreconditioner implements Preconditioner {
        private final Preconditioner inner;
        private final RelaxTrace trace;

        TimedPreconditioner(Preconditioner inner, RelaxTrace trace) {
            this.inner = inner;
            this.trace = trace;
        }

        @Override
        public boolean update(Objective objective, double[] x, double[] gradient) {
            long t0 = System.nanoTime();
            boolean changed = inner.update(objective, x, gradient);
            trace.buildNanos += System.nanoTime() - t0;
            return changed;
        }

        @Override
        public void solve(double[] r, double[] z) {
            long t0 = System.nanoTime();
            inner.solve(r, z);
            trace.solveNanos += System.nanoTime() - t0;
            trace.solves++;
        }

        @Override
        public int forceCalls() {
            return inner.forceCalls();
        }
    }
}
