package org.burgers.simulation.relax;

import java.util.Arrays;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * The exponential preconditioner of Packwood, Kermode, Mones, Bernstein, Woolley, Gould, Ortner and
 * Csanyi, J. Chem. Phys. 144, 164109 (2016), eq. (11): P = P_s (x) I_3 with the scalar sparse matrix
 * (P_s)_ij = -mu exp(-A (r_ij / r_nn - 1)) for r_ij &lt; r_cut = 2 r_nn, i != j, and a diagonal that makes
 * every row sum to mu c_stab (A = 3; c_stab = 1e-3, not their 0.1, see {@link #C_STAB}). mu comes from a
 * smooth test displacement v,
 * mu = &lt;grad E(x + v) - grad E(x), v&gt; / &lt;P_s v, v&gt; (their section II.C).
 *
 * <p>Solving P z = r: P is a diagonally dominant M-matrix, so P_s z_a = r_a for the three Cartesian
 * components a is solved by conjugate gradients preconditioned with an aggregation multigrid V-cycle
 * ({@link AggregationMultigrid}), the three systems in one pass over the matrix (relative residual 1e-3).
 * P is rebuilt only when some atom moved by more than r_nn / 2 since the last build; mu is estimated once
 * (one extra force call); {@link LbfgsRelaxer} rescales P^-1 from its curvature pairs.
 */
final class ExpPreconditioner implements Preconditioner {
    static final double A = 3.0;
    /**
     * Row sum of P_s, the floor under its longest waves. Packwood et al. use 0.1, but a wave of length L
     * has P_s-stiffness sum_j c_ij (k.r_ij)^2 / 2 ~ 29 A^2 (2 pi / L)^2 (the four bcc W shells within
     * 2 r_nn), which falls below 0.1 for L &gt; ~110 A: longer waves then see a P that is too stiff, and the
     * iteration count grew with the cell (W screw quadrupole: 47 force calls at 11,286 atoms, 55 at 24,990).
     * With 1e-3 the floor lies below every wave of cells up to ~1,100 A across (37 and 34 calls). P stays
     * positive definite, and the constant mode it barely damps is the rigid translation, which the
     * (zero-sum) gradient does not contain.
     */
    static final double C_STAB = 1e-3;
    static final double RCUT_FACTOR = 2.0;
    /**
     * Relative residual of the inner solves. P only has to be a good metric, not inverted exactly: on the
     * rattled, long-wave-perturbed 16,000-atom W cell, 1e-2, 1e-5 and 1e-8 all gave 21 L-BFGS iterations to
     * fmax 1e-6 (CG with the multigrid needs ~3 iterations at 1e-2, 8 at 1e-5); a single V-cycle instead
     * of CG needed 32. 1e-3 keeps a margin.
     */
    private static final double CG_RTOL = 1e-3;
    /**
     * The tunable constants (package-private, for probes and tests).
     *
     * @param a         decay A of the coupling exp(-A (r/r_nn - 1))
     * @param rcutFactor couplings for r &lt; rcutFactor r_nn
     * @param cStab     row sum of P_s (the floor of P at the longest waves)
     * @param cgRtol    relative residual of the inner solves
     */
    record Settings(double a, double rcutFactor, double cStab, double cgRtol) {
        static Settings defaults() {
            return new Settings(A, RCUT_FACTOR, C_STAB, CG_RTOL);
        }
    }

    private final Settings cfg;
    long matrixNanos;
    long multigridNanos;
    long rnnNanos;
    private final double potentialCutoff;
    private double rnn = Double.NaN;
    private double mu = Double.NaN;
    private int[] start;
    private int[] col;
    private double[] val;
    private double[] diag;        // row sums + c_stab (without mu)
    private double[] builtAt;
    private int natoms;
    private int calls;
    private int builds;
    private long cgIterations;
    private double[] rr, zz, pp, qq;
    private AggregationMultigrid multigrid;

    ExpPreconditioner(double potentialCutoff) {
        this(potentialCutoff, Settings.defaults());
    }

    ExpPreconditioner(double potentialCutoff, Settings cfg) {
        this.potentialCutoff = potentialCutoff;
        this.cfg = cfg;
    }

    @Override
    public boolean update(Objective obj, double[] x, double[] gradient) {
        Structure s = obj.structure();
        double[] pos = s.positionsView();
        if (builtAt != null && maxMove(pos) <= 0.5 * rnn) {
            return false;
        }
        natoms = s.size();
        if (Double.isNaN(rnn)) {
            long t0 = System.nanoTime();
            rnn = nearestNeighbourDistance(s, potentialCutoff);
            rnnNanos += System.nanoTime() - t0;
        }
        build(s);
        builtAt = pos.clone();
        if (Double.isNaN(mu)) {
            mu = estimateMu(obj, s, x, gradient);
        }
        return builds++ > 0;
    }

    /**
     * The nearest-neighbour distance: first m = the median over atoms of the distance to the closest
     * neighbour, which noise biases low (a minimum of several noisy distances); then the median of all pair
     * distances below 1.1 m, i.e. of the whole first shell, which is not biased by symmetric noise.
     */
    static double nearestNeighbourDistance(Structure s, double cutoff) {
        NeighbourList nl = NeighbourList.half(s, cutoff);
        double[] near = new double[s.size()];
        Arrays.fill(near, Double.POSITIVE_INFINITY);
        double[] r = new double[nl.pairs()];
        for (int i = 0; i < s.size(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                r[p] = Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p));
                int j = nl.neighbour(p);
                near[i] = Math.min(near[i], r[p]);
                near[j] = Math.min(near[j], r[p]);
            }
        }
        Arrays.sort(near);
        double m = near[near.length / 2];
        if (!Double.isFinite(m)) {
            throw new IllegalStateException("no neighbours within the potential cutoff " + cutoff
                    + " A: cannot estimate the nearest-neighbour distance for the preconditioner");
        }
        double[] shell = Arrays.stream(r).filter(d -> d < 1.1 * m).sorted().toArray();
        return shell[shell.length / 2];
    }

    private void build(Structure s) {
        long t0 = System.nanoTime();
        double rcut = cfg.rcutFactor() * rnn;
        NeighbourList nl = NeighbourList.full(s, rcut);
        int n = s.size();
        start = new int[n + 1];
        int[] cols = new int[nl.pairs()];
        double[] vals = new double[nl.pairs()];
        diag = new double[n];
        // one entry per neighbour: periodic images of the same atom (thin cells) are summed, which keeps
        // the matrix small for the CG and the multigrid
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            double sum = 0;
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbour(p);
                double r = Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p));
                if (j == i || r >= rcut) {
                    continue;   // a periodic image of the atom itself adds nothing to (x_i - x_j)
                }
                double c = Math.exp(-cfg.a() * (r / rnn - 1));   // Packwood et al. (11)
                if (slot[j] < start[i]) {
                    slot[j] = k;
                    cols[k] = j;
                    vals[k++] = c;
                } else {
                    vals[slot[j]] += c;
                }
                sum += c;
            }
            diag[i] = sum + cfg.cStab();
        }
        start[n] = k;
        col = Arrays.copyOf(cols, k);
        val = Arrays.copyOf(vals, k);
        long t1 = System.nanoTime();
        multigrid = new AggregationMultigrid(n, start, col, val, diag);
        matrixNanos += t1 - t0;
        multigridNanos += System.nanoTime() - t1;
        rr = new double[3 * n];
        zz = new double[3 * n];
        pp = new double[3 * n];
        qq = new double[3 * n];
    }

    /**
     * mu from a smooth periodic test displacement of amplitude 0.01 r_nn (Packwood et al. II.C):
     * component a of atom i is sin(2 pi s_ia + pi/4), s the fractional coordinates. (Probing only the
     * widest direction was tried and is worse: on a 25,000-atom dislocation cell its very long wave is
     * dominated by the c_stab floor of P and gave a mu ten times smaller.)
     */
    private double estimateMu(Objective obj, Structure s, double[] x, double[] g) {
        int n3 = 3 * natoms;
        double[] frac = s.cell().toFractional(s.positionsView());
        double amp = 1e-2 * rnn;
        double[] v = new double[x.length];
        for (int k = 0; k < n3; k++) {
            v[k] = amp * Math.sin(2 * Math.PI * frac[k] + Math.PI / 4);
        }
        double[] xv = x.clone();
        for (int k = 0; k < n3; k++) {
            xv[k] += v[k];
        }
        double[] gv = new double[x.length];
        calls++;
        try {
            obj.evaluate(xv, gv);
        } catch (NonFiniteEvaluationException ex) {
            return 1.0;   // as for a non-positive estimate below; the line search then finds the scale
        }
        double num = 0;
        for (int k = 0; k < n3; k++) {
            num += (gv[k] - g[k]) * v[k];
        }
        double[] pv = new double[n3];
        multiply(v, pv);
        double den = 0;
        for (int k = 0; k < n3; k++) {
            den += pv[k] * v[k];
        }
        double m = num / den;
        return Double.isFinite(m) && m > 0 ? m : 1.0;
    }

    /** out = P_s (x) I_3 applied to v (without the factor mu). */
    private void multiply(double[] v, double[] out) {
        for (int i = 0; i < natoms; i++) {
            double d = diag[i];
            double ox = d * v[3 * i], oy = d * v[3 * i + 1], oz = d * v[3 * i + 2];
            for (int p = start[i]; p < start[i + 1]; p++) {
                int j = col[p];
                double c = val[p];
                ox -= c * v[3 * j];
                oy -= c * v[3 * j + 1];
                oz -= c * v[3 * j + 2];
            }
            out[3 * i] = ox;
            out[3 * i + 1] = oy;
            out[3 * i + 2] = oz;
        }
    }

    /** out = P v for the atom unknowns (with mu): for tests of the solver. */
    void applyP(double[] v, double[] out) {
        multiply(v, out);
        for (int k = 0; k < 3 * natoms; k++) {
            out[k] *= mu;
        }
    }

    int multigridLevels() {
        return multigrid.levels();
    }

    @Override
    public void solve(double[] r, double[] z) {
        solve(r, z, cfg.cgRtol());
    }

    /** z = P^-1 r to relative residual tol. */
    void solve(double[] r, double[] z, double tol) {
        int n3 = 3 * natoms;
        // cell unknowns (if any) get the scalar metric mu
        for (int k = n3; k < r.length; k++) {
            z[k] = r[k] / mu;
        }
        double[] res = rr, pz = zz, p = pp, q = qq;
        double[] rz = new double[3], r0 = new double[3], rn = new double[3];
        for (int k = 0; k < n3; k++) {
            z[k] = 0;
            res[k] = r[k] / mu;
        }
        multigrid.apply(res, pz);
        for (int k = 0; k < n3; k++) {
            p[k] = pz[k];
            rz[k % 3] += res[k] * pz[k];
            r0[k % 3] += res[k] * res[k];
        }
        for (int it = 0; it < 10 * natoms + 100; it++) {
            Arrays.fill(rn, 0);
            for (int k = 0; k < n3; k++) {
                rn[k % 3] += res[k] * res[k];
            }
            if (rn[0] <= tol * tol * r0[0] && rn[1] <= tol * tol * r0[1] && rn[2] <= tol * tol * r0[2]) {
                break;
            }
            cgIterations++;
            multiply(p, q);
            double[] pq = new double[3];
            for (int k = 0; k < n3; k++) {
                pq[k % 3] += p[k] * q[k];
            }
            double[] alpha = new double[3];
            for (int a = 0; a < 3; a++) {
                alpha[a] = pq[a] > 0 ? rz[a] / pq[a] : 0;
            }
            double[] rzNew = new double[3];
            for (int k = 0; k < n3; k++) {
                double al = alpha[k % 3];
                z[k] += al * p[k];
                res[k] -= al * q[k];
            }
            multigrid.apply(res, pz);
            for (int k = 0; k < n3; k++) {
                rzNew[k % 3] += res[k] * pz[k];
            }
            for (int k = 0; k < n3; k++) {
                int a = k % 3;
                p[k] = pz[k] + (rz[a] > 0 ? rzNew[a] / rz[a] : 0) * p[k];
            }
            rz = rzNew;
        }
    }

    private double maxMove(double[] pos) {
        double m = 0;
        for (int i = 0; i < pos.length; i += 3) {
            double dx = pos[i] - builtAt[i], dy = pos[i + 1] - builtAt[i + 1], dz = pos[i + 2] - builtAt[i + 2];
            m = Math.max(m, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(m);
    }

    @Override
    public int forceCalls() {
        return calls;
    }

    double mu() {
        return mu;
    }

    double nearestNeighbour() {
        return rnn;
    }

    int builds() {
        return builds;
    }

    long cgIterations() {
        return cgIterations;
    }
}
