package org.burgers.simulation.relax;

import java.util.Arrays;

/**
 * A symmetric multigrid V-cycle for the scalar M-matrix A = D - C (C &gt;= 0 off the diagonal) of the
 * exponential preconditioner, applied to three right-hand sides at once (the x, y, z components). Used as
 * the preconditioner of conjugate gradients, it keeps the iteration count small and nearly independent of
 * the system size, which Jacobi does not (the smooth modes of A sit near c_stab).
 *
 * <p>Plain (unsmoothed) aggregation in the manner of Vanek, Mandel and Brezina, Computing 56, 179 (1996):
 * strongly connected neighbours (c_ij &gt;= THETA max_k c_ik) are grouped into aggregates, the prolongation
 * is piecewise constant, so the Galerkin coarse matrix P^T A P just sums the entries between aggregates
 * and is again an M-matrix of the same form. Smoothing is one forward Gauss-Seidel sweep before and one
 * backward sweep after the coarse correction (which makes the cycle symmetric, as CG needs); the coarse
 * correction is scaled by OVER = 1.5, the usual remedy for the energy lost by constant prolongation
 * (Notay and Vassilevski, Numer. Linear Algebra Appl. 15, 123 (2008)). The coarsest level
 * (&lt;= 256 unknowns) is solved by dense Cholesky.
 */
final class AggregationMultigrid {
    private static final double THETA = 0.5;
    private static final int COARSEST = 256;
    private static final double OVER = 1.5;

    /** One level: A = diag(d) - C with C stored in CSR (start, col, val); agg maps rows to coarse rows. */
    private static final class Level {
        final int n;
        final int[] start;
        final int[] col;
        final double[] val;
        final double[] d;
        int[] agg;
        int nc;
        double[] r;
        double[] z;

        Level(int n, int[] start, int[] col, double[] val, double[] d) {
            this.n = n;
            this.start = start;
            this.col = col;
            this.val = val;
            this.d = d;
            this.r = new double[3 * n];
            this.z = new double[3 * n];
        }
    }

    private final Level[] levels;
    private final double[] chol;   // dense Cholesky factor (lower, row-major) of the coarsest matrix
    private final int nCoarsest;

    AggregationMultigrid(int n, int[] start, int[] col, double[] val, double[] diag) {
        java.util.List<Level> ls = new java.util.ArrayList<>();
        Level l = new Level(n, start, col, val, diag);
        ls.add(l);
        while (l.n > COARSEST) {
            aggregate(l);
            if (l.nc >= l.n * 0.8) {
                break;   // no real coarsening: stop here and solve this level directly if small enough
            }
            l = galerkin(l);
            ls.add(l);
        }
        levels = ls.toArray(new Level[0]);
        Level last = levels[levels.length - 1];
        nCoarsest = last.n;
        chol = last.n <= 4 * COARSEST ? cholesky(last) : null;
    }

    int levels() {
        return levels.length;
    }

    /** z = M^-1 r for the three interleaved components (z is overwritten). */
    void apply(double[] r, double[] z) {
        Level top = levels[0];
        System.arraycopy(r, 0, top.r, 0, r.length);
        cycle(0);
        System.arraycopy(top.z, 0, z, 0, z.length);
    }

    private void cycle(int k) {
        Level l = levels[k];
        Arrays.fill(l.z, 0);
        if (k == levels.length - 1) {
            if (chol != null) {
                solveDense(l);
            } else {
                for (int s = 0; s < 4; s++) {
                    sweep(l, true);
                    sweep(l, false);
                }
            }
            return;
        }
        sweep(l, true);
        // restrict the residual r - A z onto the aggregates
        Level c = levels[k + 1];
        Arrays.fill(c.r, 0);
        for (int i = 0; i < l.n; i++) {
            double rx = l.r[3 * i] - l.d[i] * l.z[3 * i];
            double ry = l.r[3 * i + 1] - l.d[i] * l.z[3 * i + 1];
            double rz = l.r[3 * i + 2] - l.d[i] * l.z[3 * i + 2];
            for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                int j = l.col[p];
                double v = l.val[p];
                rx += v * l.z[3 * j];
                ry += v * l.z[3 * j + 1];
                rz += v * l.z[3 * j + 2];
            }
            int a = l.agg[i];
            c.r[3 * a] += rx;
            c.r[3 * a + 1] += ry;
            c.r[3 * a + 2] += rz;
        }
        cycle(k + 1);
        for (int i = 0; i < l.n; i++) {
            int a = l.agg[i];
            l.z[3 * i] += OVER * c.z[3 * a];
            l.z[3 * i + 1] += OVER * c.z[3 * a + 1];
            l.z[3 * i + 2] += OVER * c.z[3 * a + 2];
        }
        sweep(l, false);
    }

    /** One Gauss-Seidel sweep on A z = r, forward or backward. */
    private static void sweep(Level l, boolean forward) {
        for (int q = 0; q < l.n; q++) {
            int i = forward ? q : l.n - 1 - q;
            double sx = l.r[3 * i], sy = l.r[3 * i + 1], sz = l.r[3 * i + 2];
            for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                int j = l.col[p];
                double v = l.val[p];
                sx += v * l.z[3 * j];
                sy += v * l.z[3 * j + 1];
                sz += v * l.z[3 * j + 2];
            }
            double inv = 1 / l.d[i];
            l.z[3 * i] = sx * inv;
            l.z[3 * i + 1] = sy * inv;
            l.z[3 * i + 2] = sz * inv;
        }
    }

    /** Greedy aggregation by strong connections (three passes, Vanek et al. 1996). */
    private static void aggregate(Level l) {
        int n = l.n;
        int[] agg = new int[n];
        Arrays.fill(agg, -1);
        double[] strongest = new double[n];
        for (int i = 0; i < n; i++) {
            for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                strongest[i] = Math.max(strongest[i], l.val[p]);
            }
        }
        int nc = 0;
        // pass 1: a node whose strong neighbours are all free seeds an aggregate with them
        for (int i = 0; i < n; i++) {
            if (agg[i] >= 0) {
                continue;
            }
            boolean free = true;
            for (int p = l.start[i]; p < l.start[i + 1] && free; p++) {
                if (l.val[p] >= THETA * strongest[i] && agg[l.col[p]] >= 0) {
                    free = false;
                }
            }
            if (!free) {
                continue;
            }
            agg[i] = nc;
            for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                if (l.val[p] >= THETA * strongest[i]) {
                    agg[l.col[p]] = nc;
                }
            }
            nc++;
        }
        // pass 2: the rest join the aggregate they are most strongly connected to
        int[] tentative = agg.clone();
        for (int i = 0; i < n; i++) {
            if (tentative[i] >= 0) {
                continue;
            }
            double best = 0;
            for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                int j = l.col[p];
                if (tentative[j] >= 0 && l.val[p] > best) {
                    best = l.val[p];
                    agg[i] = tentative[j];
                }
            }
        }
        // pass 3: isolated leftovers form their own aggregates
        for (int i = 0; i < n; i++) {
            if (agg[i] < 0) {
                agg[i] = nc++;
            }
        }
        l.agg = agg;
        l.nc = nc;
    }

    /** P^T A P for piecewise-constant P: sum the couplings between aggregates. */
    private static Level galerkin(Level l) {
        int nc = l.nc;
        int[][] members = new int[nc][];
        int[] count = new int[nc];
        for (int i = 0; i < l.n; i++) {
            count[l.agg[i]]++;
        }
        for (int a = 0; a < nc; a++) {
            members[a] = new int[count[a]];
            count[a] = 0;
        }
        for (int i = 0; i < l.n; i++) {
            members[l.agg[i]][count[l.agg[i]]++] = i;
        }
        double[] d = new double[nc];
        int[] start = new int[nc + 1];
        int[] marker = new int[nc];
        Arrays.fill(marker, -1);
        double[] acc = new double[nc];
        int[] colBuf = new int[Math.max(16, l.col.length / 4)];
        double[] valBuf = new double[colBuf.length];
        int nnz = 0;
        int[] rowCols = new int[nc];
        for (int a = 0; a < nc; a++) {
            start[a] = nnz;
            int rc = 0;
            double diag = 0;
            for (int i : members[a]) {
                diag += l.d[i];
                for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                    int b = l.agg[l.col[p]];
                    if (b == a) {
                        diag -= l.val[p];
                    } else {
                        if (marker[b] != a) {
                            marker[b] = a;
                            acc[b] = 0;
                            rowCols[rc++] = b;
                        }
                        acc[b] += l.val[p];
                    }
                }
            }
            d[a] = diag;
            if (nnz + rc > colBuf.length) {
                int cap = Math.max(2 * colBuf.length, nnz + rc);
                colBuf = Arrays.copyOf(colBuf, cap);
                valBuf = Arrays.copyOf(valBuf, cap);
            }
            for (int q = 0; q < rc; q++) {
                colBuf[nnz] = rowCols[q];
                valBuf[nnz++] = acc[rowCols[q]];
            }
        }
        start[nc] = nnz;
        return new Level(nc, start, Arrays.copyOf(colBuf, nnz), Arrays.copyOf(valBuf, nnz), d);
    }

    private static double[] cholesky(Level l) {
        int n = l.n;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = l.d[i];
            for (int p = l.start[i]; p < l.start[i + 1]; p++) {
                a[i * n + l.col[p]] -= l.val[p];
            }
        }
        for (int j = 0; j < n; j++) {
            double s = a[j * n + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * n + k] * a[j * n + k];
            }
            if (!(s > 0)) {
                throw new IllegalStateException("coarse preconditioner matrix is not positive definite");
            }
            double ljj = Math.sqrt(s);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = t / ljj;
            }
        }
        return a;
    }

    private void solveDense(Level l) {
        int n = nCoarsest;
        for (int c = 0; c < 3; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = l.r[3 * i + c];
                for (int k = 0; k < i; k++) {
                    s -= chol[i * n + k] * y[k];
                }
                y[i] = s / chol[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= chol[k * n + i] * l.z[3 * k + c];
                }
                l.z[3 * i + c] = s / chol[i * n + i];
            }
        }
    }
}
