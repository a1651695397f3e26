package org.burgers.ace.basis;

import java.util.Arrays;
import org.burgers.core.neighbours.NeighbourList;

/**
 * Per-thread workspace and the per-site kernels of an {@link AceBasis}: (1) the contracted site energy
 * {@code E_l = sum_k cNode[k] AA_k + pair} and its gradient with respect to every neighbour, by one reverse
 * (adjoint) sweep over the product DAG, which is what a fitted potential costs; (2) all basis values and their
 * gradients (features), through the Jacobian dB/dA of each group. Nothing is allocated per site once the
 * neighbour buffers have grown to the largest environment. Not thread-safe: one per thread.
 */
public final class SiteKernel {
    private final AceBasis b;
    private final int nR;
    private final int nY;
    private final int nP;
    private final int nA;
    private final int nA1;
    private int cap;
    private int count;
    private int[] nbJ;
    private int[] nbZ;
    private int[] nbP;
    private double[] nbVec;     // r_ij = r_j - r_i (3 per neighbour)
    private double[] nbU;       // unit vectors
    private double[] nbInvR;    // 1 / r_ij
    private double[] nbR;       // r_ij
    private double[] rad;       // R_n, nR per neighbour
    private double[] drad;      // dR_n/dr
    private double[] ylm;       // nY per neighbour
    private double[] dylm;      // 3 nY per neighbour
    private double[] pr;        // pair P_n, nP per neighbour
    private double[] dpr;
    private double[] grad;      // dE_l/dr_ij, 3 per neighbour (contracted kernel)
    private double[][] dT;      // d phi_a(r_ij)/dr_ij per density z nA1 + a, at 3 (zStart[z] + qz) + axis; rows of 3 cap
    private final int[] zCount; // neighbours per species
    private final int[] zStart; // first of each species in byZ
    private int[] byZ;          // neighbour indices grouped by species
    private final int block;    // columns per block of gathered gradients (at least the largest rank)
    private int blockStart;     // first column of the block
    private double[][] blk;     // dB/dr_q of a block of columns: per column 3 per neighbour (species order)
    private final double[] v;   // densities then products
    private final double[] adj; // adjoints dE_l/dv
    private final double[] shScratch;
    private final double[] radScratch = new double[4];
    private final double[] pairOut = new double[2];
    private final double[] jac;
    private final double[] part = new double[16];
    private final double[] s0;  // sum_n adj_nlm R_n per (l, m)
    private final double[] s1;  // sum_n adj_nlm R_n'

    public SiteKernel(AceBasis basis) {
        this.b = basis;
        nR = basis.nmax;
        nY = basis.harmonics.size();
        nP = Math.max(basis.nPair, 1);
        nA = basis.nA;
        nA1 = basis.nA1;
        v = new double[basis.nNodes];
        adj = new double[basis.nNodes];
        shScratch = basis.harmonics.newScratch();
        s0 = new double[nY];
        s1 = new double[nY];
        int maxJac = 1, maxRank = 1;
        for (Group g : basis.groups) {
            maxJac = Math.max(maxJac, g.nLocal() * g.rank());
            maxRank = Math.max(maxRank, g.rank());
        }
        jac = new double[maxJac];
        block = Math.max(64, maxRank);
        zCount = new int[basis.nz];
        zStart = new int[basis.nz];
        grow(64);
    }

    private void grow(int newCap) {
        cap = newCap;
        nbJ = Arrays.copyOf(nbJ == null ? new int[0] : nbJ, cap);
        nbZ = Arrays.copyOf(nbZ == null ? new int[0] : nbZ, cap);
        nbP = Arrays.copyOf(nbP == null ? new int[0] : nbP, cap);
        nbVec = grow(nbVec, 3 * cap);
        nbU = grow(nbU, 3 * cap);
        nbInvR = grow(nbInvR, cap);
        nbR = grow(nbR, cap);
        rad = grow(rad, nR * cap);
        drad = grow(drad, nR * cap);
        ylm = grow(ylm, nY * cap);
        dylm = grow(dylm, 3 * nY * cap);
        pr = grow(pr, nP * cap);
        dpr = grow(dpr, nP * cap);
        grad = grow(grad, 3 * cap);
        byZ = Arrays.copyOf(byZ == null ? new int[0] : byZ, cap);
    }

    private static double[] grow(double[] a, int n) {
        return a == null ? new double[n] : Arrays.copyOf(a, n);
    }

    /** Neighbours of the last site within the cutoff. */
    public int count() {
        return count;
    }

    public int neighbour(int q) {
        return nbJ[q];
    }

    /** Gradients dE_l/dr_ij of the last contracted site, 3 per neighbour. */
    public double[] gradients() {
        return grad;
    }

    /** Vectors r_ij of the last site, 3 per neighbour. */
    public double[] vectors() {
        return nbVec;
    }

    /** Neighbours within the cutoff, their one-particle functions, the densities A and the products AA. */
    private void gather(int i, int[] z, NeighbourList list, boolean derivatives, boolean raw) {
        double rmax = b.cutoff();
        double[] vec = list.vectorsView();
        int[] nbr = list.neighboursView();
        count = 0;
        for (int p = list.start(i); p < list.end(i); p++) {
            double dx = vec[3 * p], dy = vec[3 * p + 1], dz = vec[3 * p + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= rmax * rmax) {
                continue;
            }
            if (count == cap) {
                grow(2 * cap);
            }
            int q = count++;
            double r = Math.sqrt(r2);
            nbJ[q] = nbr[p];
            nbZ[q] = z[nbr[p]];
            nbP[q] = p;
            nbVec[3 * q] = dx;
            nbVec[3 * q + 1] = dy;
            nbVec[3 * q + 2] = dz;
            double ir = 1.0 / r;
            nbInvR[q] = ir;
            nbR[q] = r;
            nbU[3 * q] = dx * ir;
            nbU[3 * q + 1] = dy * ir;
            nbU[3 * q + 2] = dz * ir;
            if (b.pairBasis != null && !raw) {
                b.pairBasis.evaluate(r, pr, dpr, q * nP, radScratch);   // the contracted kernel sums by Clenshaw
            }
            b.radial.evaluate(r, rad, drad, q * nR, radScratch);
            if (raw) {
                b.harmonics.evaluateRaw(nbU[3 * q], nbU[3 * q + 1], nbU[3 * q + 2], ylm, q * nY,
                        derivatives ? dylm : null, 3 * q * nY, shScratch);
            } else {
                b.harmonics.evaluate(dx, dy, dz, ylm, q * nY, derivatives ? dylm : null, 3 * q * nY, shScratch);
            }
        }
        Arrays.fill(v, 0, nA, 0.0);
        int[] nOff = b.nOff, lmCount = b.lmCount;
        final double[] vv = v, yy = ylm, rr = rad;
        int q = 0;
        while (q < count) {
            int zq = nbZ[q];
            int base = zq * nA1;
            if (q + 3 < count && nbZ[q + 1] == zq && nbZ[q + 2] == zq && nbZ[q + 3] == zq) {
                // four neighbours of one species at a time: one load and store of A per four products
                int y0 = q * nY, y1 = y0 + nY, y2 = y1 + nY, y3 = y2 + nY;
                for (int n = 0; n < nR; n++) {
                    double r0 = rr[q * nR + n], r1 = rr[(q + 1) * nR + n];
                    double r2 = rr[(q + 2) * nR + n], r3 = rr[(q + 3) * nR + n];
                    int a0 = base + nOff[n], cnt = lmCount[n];
                    for (int lm = 0; lm < cnt; lm++) {
                        vv[a0 + lm] += r0 * yy[y0 + lm] + r1 * yy[y1 + lm] + r2 * yy[y2 + lm] + r3 * yy[y3 + lm];
                    }
                }
                q += 4;
            } else {
                int ro = q * nR, yo = q * nY;
                for (int n = 0; n < nR; n++) {
                    double rn = rr[ro + n];
                    int a0 = base + nOff[n], cnt = lmCount[n];
                    for (int lm = 0; lm < cnt; lm++) {
                        vv[a0 + lm] += rn * yy[yo + lm];   // A_znlm = sum_j R_n Y_lm
                    }
                }
                q++;
            }
        }
        int[] par = b.parent, la = b.last;
        for (int k = 0; k < par.length; k++) {
            v[nA + k] = v[par[k]] * v[la[k]];       // AA on the DAG: one product per node
        }
    }

    /**
     * Site energy (without E0) of atom i for contracted coefficients: {@code cNode} per DAG node for the
     * centre's species and {@code cPair[z * nPair + n - 1]}. With {@code gradient}, fills {@link #gradients()}.
     */
    public double siteEnergy(int i, int[] z, NeighbourList list, double[] cNode, double[] cPair, boolean gradient) {
        gather(i, z, list, gradient, true);
        int nNodes = v.length;
        double e = 0;
        for (int k = 0; k < nNodes; k++) {
            e += cNode[k] * v[k];
        }
        int np = b.nPair;
        for (int q = 0; q < count && np > 0; q++) {
            // pair energy phi_z(r) and phi_z'(r) in one backward recurrence; phi' kept in pr[q * nP]
            b.pairBasis.contract(nbR[q], cPair, nbZ[q] * np, pairOut, radScratch);
            e += pairOut[0];
            pr[q * nP] = pairOut[1];
        }
        if (!gradient) {
            return e;
        }
        // reverse sweep: adj_k = dE/dv_k
        System.arraycopy(cNode, 0, adj, 0, nNodes);
        int[] par = b.parent, la = b.last;
        for (int k = par.length - 1; k >= 0; k--) {
            double a = adj[nA + k];
            if (a != 0.0) {
                adj[par[k]] += a * v[la[k]];
                adj[la[k]] += a * v[par[k]];
            }
        }
        int[] nOff = b.nOff, lmCount = b.lmCount;
        for (int q = 0; q < count; q++) {
            int base = nbZ[q] * nA1;
            int ro = q * nR, yo = q * nY, dyo = 3 * q * nY;
            double ux = nbU[3 * q], uy = nbU[3 * q + 1], uz = nbU[3 * q + 2];
            // dE/dr_ij = sum_nlm adj_nlm (R_n' Y_lm u + R_n grad Y_lm); contract over n first (axpy over lm)
            final double[] t0 = s0, t1 = s1, ad = adj;
            Arrays.fill(t0, 0.0);
            Arrays.fill(t1, 0.0);
            int n = 0;
            for (; n + 1 < nR; n += 2) {
                // two radial indices at a time: lmCount is non-increasing in n, so n + 1's range is a prefix
                double r0 = rad[ro + n], d0 = drad[ro + n], r1 = rad[ro + n + 1], d1 = drad[ro + n + 1];
                int a0 = base + nOff[n], a1 = base + nOff[n + 1], c0 = lmCount[n], c1 = lmCount[n + 1];
                for (int lm = 0; lm < c1; lm++) {
                    double x0 = ad[a0 + lm], x1 = ad[a1 + lm];
                    t0[lm] += x0 * r0 + x1 * r1;
                    t1[lm] += x0 * d0 + x1 * d1;
                }
                for (int lm = c1; lm < c0; lm++) {
                    double x0 = ad[a0 + lm];
                    t0[lm] += x0 * r0;
                    t1[lm] += x0 * d0;
                }
            }
            for (; n < nR; n++) {
                double rn = rad[ro + n], drn = drad[ro + n];
                int a0 = base + nOff[n], cnt = lmCount[n];
                for (int lm = 0; lm < cnt; lm++) {
                    double x0 = ad[a0 + lm];
                    t0[lm] += x0 * rn;
                    t1[lm] += x0 * drn;
                }
            }
            double radial = 0, px = 0, py = 0, pz = 0;
            for (int lm = 0; lm < nY; lm++) {
                radial += s1[lm] * ylm[yo + lm];
                px += s0[lm] * dylm[dyo + 3 * lm];
                py += s0[lm] * dylm[dyo + 3 * lm + 1];
                pz += s0[lm] * dylm[dyo + 3 * lm + 2];
            }
            // raw polynomial gradients: project onto the tangent plane once, (P - u (u.P)) / r
            double up = ux * px + uy * py + uz * pz, ir = nbInvR[q];
            double gx = (px - ux * up) * ir, gy = (py - uy * up) * ir, gz = (pz - uz * up) * ir;
            if (np > 0) {
                radial += pr[q * nP];
            }
            grad[3 * q] = radial * ux + gx;
            grad[3 * q + 1] = radial * uy + gy;
            grad[3 * q + 2] = radial * uz + gz;
        }
        return e;
    }

    /**
     * Adds the basis values of site i to {@code energy[col]} and, with {@code derivatives}, -dB/dx to
     * {@code forces[(3 atom + axis) * size + col]} (if not null) and the virial -sum r_ij (x) dB/dr_ij to
     * {@code virial[(3a + b) * size + col]} (if not null).
     *
     * <p>The gradients of a group's functions with respect to the neighbours of one species z are the sparse
     * product of the group's Jacobian dB/dA (rank x its local densities) with the gradients of those densities'
     * one-particle functions, laid out per density as one contiguous row over the species' neighbours
     * ({@code dT}): each nonzero of the Jacobian is one axpy of length 3 n_z, which the JIT vectorises, straight
     * into a block of columns ({@code blk}, one column = 3 values per neighbour, neighbours ordered by species).
     * A full block is written out once (see {@link #flush}): 3 writes per neighbour and column, 3 + 9 for the
     * centre's force and the virial. In JMH 3.9x (W, 383 functions) and 5.2x (NiAl, 4,676) faster than the
     * former scatter of each function's gradient per neighbour (docs/ace.md).
     */
    public void siteFeatures(int i, int[] z, NeighbourList list, double[] energy, boolean derivatives,
                             double[] forces, double[] virial) {
        gather(i, z, list, derivatives, false);
        int z0 = z[i];
        int np = b.nPair;
        for (int q = 0; q < count && np > 0; q++) {
            int col0 = b.pairColumn(z0, nbZ[q], 1), p0 = q * nP;
            for (int n = 0; n < np; n++) {
                energy[col0 + n] += pr[p0 + n];
                if (derivatives) {
                    double d = dpr[p0 + n];
                    scatter(i, q, col0 + n, d * nbU[3 * q], d * nbU[3 * q + 1], d * nbU[3 * q + 2], forces, virial);
                }
            }
        }
        if (derivatives) {
            transposeGradients();
        }
        blockStart = b.groups.length == 0 ? 0 : b.manyBodyColumn(z0, b.groups[0], 0);
        for (Group g : b.groups) {
            int ne = g.nodes().length, rank = g.rank(), nu = g.nu();
            int[] nodes = g.nodes();
            double[] u = g.u();
            int colBase = b.manyBodyColumn(z0, g, 0);
            for (int f = 0; f < rank; f++) {
                double s = 0;
                int uo = f * ne;
                for (int e = 0; e < ne; e++) {
                    s += u[uo + e] * v[nodes[e]];
                }
                energy[colBase + f] += s;
            }
            if (!derivatives) {
                continue;
            }
            if (colBase + rank > blockStart + block) {
                flush(i, colBase - blockStart, forces, virial);
                blockStart = colBase;
            }
            int nl = g.nLocal();
            Arrays.fill(jac, 0, rank * nl, 0.0);
            int[] fa = g.factorA(), fl = g.factorLocal();
            for (int e = 0; e < ne; e++) {
                // partial derivatives of prod_s A[fa_s]: product of all other factors
                for (int s = 0; s < nu; s++) {
                    double p = 1;
                    for (int t = 0; t < nu; t++) {
                        if (t != s) {
                            p *= v[fa[e * nu + t]];
                        }
                    }
                    part[s] = p;
                }
                for (int f = 0; f < rank; f++) {
                    double uf = u[f * ne + e];
                    if (uf == 0.0) {
                        continue;
                    }
                    for (int s = 0; s < nu; s++) {
                        jac[f * nl + fl[e * nu + s]] += uf * part[s];
                    }
                }
            }
            int[] lb = g.localBlock(), lo = g.localOff();
            for (int d = 0; d < lb.length; d++) {
                int zq = lb[d] / b.nBlocks;
                int len = 3 * zCount[zq];
                if (len == 0) {
                    continue;
                }
                int bl = lb[d] % b.nBlocks;
                int l = b.blockL[bl], n = b.blockN[bl];
                int row0 = zq * nA1 + b.nOff[n - 1] + l * l;
                int c0 = colBase - blockStart, o = 3 * zStart[zq];
                for (int k = 0; k <= 2 * l; k++) {
                    double[] x = dT[row0 + k];
                    int jo = lo[d] + k;
                    for (int f = 0; f < rank; f++) {
                        double jv = jac[f * nl + jo];
                        if (jv != 0.0) {
                            axpy(jv, x, blk[c0 + f], o, len);   // dB_f/dr_q, q of species zq
                        }
                    }
                }
            }
        }
        if (derivatives && b.groups.length > 0) {
            Group last = b.groups[b.groups.length - 1];
            flush(i, b.manyBodyColumn(z0, last, last.rank()) - blockStart, forces, virial);
        }
    }

    /**
     * Orders the neighbours by species ({@code byZ}, from {@code zStart}) and writes the gradients of their
     * one-particle functions per density: {@code dT[z nA1 + a][3 (zStart[z] + qz) + c]} for the qz-th
     * neighbour of species z, at the same offset as the neighbour's place in a column of {@code blk}. Sizes
     * both for this site's neighbour count.
     */
    private void transposeGradients() {
        if (dT == null || dT[0].length < 3 * cap) {
            dT = new double[b.nz * nA1][3 * cap];
            blk = new double[block][3 * cap];
        }
        Arrays.fill(zCount, 0);
        for (int q = 0; q < count; q++) {
            zCount[nbZ[q]]++;
        }
        for (int zz = 0, off = 0; zz < b.nz; zz++) {
            zStart[zz] = off;
            off += zCount[zz];
            zCount[zz] = 0;
        }
        int[] nOff = b.nOff, lmCount = b.lmCount;
        for (int q = 0; q < count; q++) {
            int zq = nbZ[q];
            int qz = zCount[zq]++;
            byZ[zStart[zq] + qz] = q;
            int ro = q * nR, yo = q * nY, dyo = 3 * q * nY;
            double ux = nbU[3 * q], uy = nbU[3 * q + 1], uz = nbU[3 * q + 2];
            int rowBase = zq * nA1;
            for (int n = 0; n < nR; n++) {
                double rn = rad[ro + n], drn = drad[ro + n];
                for (int lm = 0; lm < lmCount[n]; lm++) {
                    double y = ylm[yo + lm];
                    double gx = dylm[dyo + 3 * lm], gy = dylm[dyo + 3 * lm + 1], gz = dylm[dyo + 3 * lm + 2];
                    double[] row = dT[rowBase + nOff[n] + lm];
                    int t = 3 * (zStart[zq] + qz);
                    // grad (R_n Y_lm) = R_n' Y_lm u + R_n grad Y_lm
                    row[t] = drn * y * ux + rn * gx;
                    row[t + 1] = drn * y * uy + rn * gy;
                    row[t + 2] = drn * y * uz + rn * gz;
                }
            }
        }
    }

    /**
     * y[t] += a x[t], o <= t < o + n: the inner loop of the feature gradients. One index for both arrays: the
     * JDK 17 JIT vectorises this form (2.2x measured at n = 87) but not distinct offsets into arrays that
     * might alias, hence the per-density rows of dT and per-column rows of blk at the same offsets.
     */
    private static void axpy(double a, double[] x, double[] y, int o, int n) {
        for (int t = o; t < o + n; t++) {
            y[t] += a * x[t];
        }
    }

    /**
     * Writes the block's columns [blockStart, blockStart + cols): dB/dr_q of the s-th neighbour (species order)
     * at {@code blk[c][3 s + axis]} goes as -g into the neighbour's force row, as +sum_q g into the
     * centre's, and as -sum_q r_q (x) g into the virial; then clears the block.
     */
    private void flush(int i, int cols, double[] forces, double[] virial) {
        int k = b.size, width = 3 * count, bs = blockStart;
        for (int c = 0; c < cols; c++) {
            double[] g = blk[c];
            if (forces != null) {
                double sx = 0, sy = 0, sz = 0;
                for (int t = 0; t < width; t += 3) {
                    sx += g[t];
                    sy += g[t + 1];
                    sz += g[t + 2];
                }
                forces[(3 * i) * k + bs + c] += sx;
                forces[(3 * i + 1) * k + bs + c] += sy;
                forces[(3 * i + 2) * k + bs + c] += sz;
            }
            if (virial != null) {
                double w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0, w8 = 0;
                for (int s = 0; s < count; s++) {
                    int q = byZ[s];
                    double gx = g[3 * s], gy = g[3 * s + 1], gz = g[3 * s + 2];
                    double rx = nbVec[3 * q], ry = nbVec[3 * q + 1], rz = nbVec[3 * q + 2];
                    w0 += rx * gx;
                    w1 += rx * gy;
                    w2 += rx * gz;
                    w3 += ry * gx;
                    w4 += ry * gy;
                    w5 += ry * gz;
                    w6 += rz * gx;
                    w7 += rz * gy;
                    w8 += rz * gz;
                }
                virial[bs + c] -= w0;
                virial[k + bs + c] -= w1;
                virial[2 * k + bs + c] -= w2;
                virial[3 * k + bs + c] -= w3;
                virial[4 * k + bs + c] -= w4;
                virial[5 * k + bs + c] -= w5;
                virial[6 * k + bs + c] -= w6;
                virial[7 * k + bs + c] -= w7;
                virial[8 * k + bs + c] -= w8;
            }
        }
        if (forces != null) {
            // row by row: one contiguous run of the block's columns per neighbour row (a column at a time,
            // touching all 3 n rows per column, measured 1.4x slower)
            for (int s = 0; s < count; s++) {
                int j = nbJ[byZ[s]];
                for (int a = 0; a < 3; a++) {
                    int row = (3 * j + a) * k + bs, t = 3 * s + a;
                    for (int c = 0; c < cols; c++) {
                        forces[row + c] -= blk[c][t];
                    }
                }
            }
        }
        for (int c = 0; c < cols; c++) {
            Arrays.fill(blk[c], 0, width, 0.0);
        }
    }

    /** Adds the contribution of dB_col/dr_ij = g for neighbour q of site i to force and virial features. */
    private void scatter(int i, int q, int col, double gx, double gy, double gz, double[] forces, double[] virial) {
        int k = b.size;
        int j = nbJ[q];
        if (forces != null) {
            forces[(3 * j) * k + col] -= gx;
            forces[(3 * j + 1) * k + col] -= gy;
            forces[(3 * j + 2) * k + col] -= gz;
            forces[(3 * i) * k + col] += gx;
            forces[(3 * i + 1) * k + col] += gy;
            forces[(3 * i + 2) * k + col] += gz;
        }
        if (virial != null) {
            double rx = nbVec[3 * q], ry = nbVec[3 * q + 1], rz = nbVec[3 * q + 2];
            virial[0 * k + col] -= rx * gx;
            virial[1 * k + col] -= rx * gy;
            virial[2 * k + col] -= rx * gz;
            virial[3 * k + col] -= ry * gx;
            virial[4 * k + col] -= ry * gy;
            virial[5 * k + col] -= ry * gz;
            virial[6 * k + col] -= rz * gx;
            virial[7 * k + col] -= rz * gy;
            virial[8 * k + col] -= rz * gz;
        }
    }
}
