package org.burgers.potentials.eam;

import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.ElementIndex;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Partition;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.Chunks;
import org.burgers.potentials.ScatterBuffers;

/**
 * Embedded-atom method, evaluated exactly as LAMMPS' {@code pair_style eam}, {@code eam/alloy} and
 * {@code eam/fs} do: E = sum_i F_i(rho_i) + sum_{i<j} phi_ij(r_ij), rho_i = sum_j rho_{j->i}(r_ij)
 * (Daw and Baskes, Phys. Rev. B 29, 6443 (1984); Finnis and Sinclair, Phil. Mag. A 50, 45 (1984)), with
 * every function a {@link LammpsSpline} of its table, r*phi tabulated, the knot index rule of
 * {@code PairEAM::compute}, zero beyond the cutoff, and F continued linearly past rhomax.
 *
 * <p>Kernel: a half neighbour list, three passes (densities, embedding, pair forces), spline coefficients
 * interleaved per knot and per ordered element pair so that one pair touches one or two cache lines per
 * pass; atoms split into {@link Chunks#COUNT} fixed chunks with private accumulators, so the numbers do not
 * depend on the thread count. The Hessian is analytic: the pair part (phi and F'-weighted densities) plus
 * the embedding cross terms F''_i (d rho_i/dx_a)(d rho_i/dx_b), which couple second neighbours.
 */
public final class EamPotential implements Potential {

    private final EamTables tables;
    private final int ne;
    private final ElementIndex elements;
    private final int nr;
    private final int nrho;
    private final double rdr;
    private final double rdrho;
    private final double rhomax;
    private final double cutoff;
    private final double cutsq;
    private final double[][] embed;   // [element] LAMMPS spline coefficients of F, 7 per knot
    // [ti*ne+tj]: per knot the cubic coefficients (c3..c6 of LAMMPS' spline) of rho_{j->i}, then of rho_{i->j}
    // unless it is the same function (the usual case: one element, or eam/alloy), then of r*phi. One table
    // serves both passes; 8 doubles (one 64-byte line's worth) per knot in the symmetric case.
    private final double[][] pair;
    private final int[] stride;   // doubles per knot: 8 (symmetric densities) or 12
    private final int[] offIJ;    // offset of rho_{i->j}: 0 (same as rho_{j->i}) or 4
    private final int[] offZ2;    // offset of r*phi: 4 or 8
    private final boolean parallel;

    public EamPotential(EamTables t) {
        this(t, true);
    }

    /** @param parallel run the chunks on the common fork-join pool (results are identical either way) */
    public EamPotential(EamTables t, boolean parallel) {
        this.tables = t;
        this.parallel = parallel;
        this.ne = t.elementCount();
        this.elements = new ElementIndex(t.elements());
        this.nr = t.nr();
        this.nrho = t.nrho();
        this.rdr = 1.0 / t.dr();
        this.rdrho = 1.0 / t.drho();
        this.rhomax = t.rhomax();
        this.cutoff = t.cutoff();
        this.cutsq = cutoff * cutoff;
        this.embed = new double[ne][];
        for (int e = 0; e < ne; e++) {
            embed[e] = LammpsSpline.coefficients(t.frho()[e], t.drho());
        }
        double[][][] rhoSpl = new double[ne][ne][];
        double[][][] z2Spl = new double[ne][ne][];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b < ne; b++) {
                rhoSpl[a][b] = LammpsSpline.coefficients(t.rho()[a][b], t.dr());
                z2Spl[a][b] = b <= a ? LammpsSpline.coefficients(t.z2r()[a][b], t.dr()) : null;
            }
        }
        this.pair = new double[ne * ne][];
        this.stride = new int[ne * ne];
        this.offIJ = new int[ne * ne];
        this.offZ2 = new int[ne * ne];
        for (int ti = 0; ti < ne; ti++) {
            for (int tj = 0; tj < ne; tj++) {
                int k = ti * ne + tj;
                boolean same = java.util.Arrays.equals(t.rho()[tj][ti], t.rho()[ti][tj]);
                double[] toI = rhoSpl[tj][ti], toJ = rhoSpl[ti][tj];
                double[] z2 = ti >= tj ? z2Spl[ti][tj] : z2Spl[tj][ti];
                int st = same ? 8 : 12;
                stride[k] = st;
                offIJ[k] = same ? 0 : 4;
                offZ2[k] = same ? 4 : 8;
                double[] tab = new double[st * nr];
                for (int m = 0; m < nr; m++) {
                    System.arraycopy(toI, 7 * m + 3, tab, st * m, 4);
                    if (!same) {
                        System.arraycopy(toJ, 7 * m + 3, tab, st * m + 4, 4);
                    }
                    System.arraycopy(z2, 7 * m + 3, tab, st * m + offZ2[k], 4);
                }
                pair[k] = tab;
            }
        }
    }

    public EamTables tables() {
        return tables;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public Set<String> species() {
        return elements.symbols();
    }

    @Override
    public boolean wantsHalfList() {
        return true;
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
        checkList(nl);
        int n = s.size();
        int[] type = elements.types(s);
        int[] off = nl.offsetsView();
        int[] nbr = nl.neighboursView();
        double[] vec = nl.vectorsView();
        Geometry g = new Geometry(s.positionsView(), nl.packedShiftsView(), s.cell().matrix());

        Partition part = Chunks.partition(parallel, n);
        int[][] ranges = ScatterBuffers.ranges(n, off, nbr);

        // pass 1: densities
        ScatterBuffers rhoBuf = ScatterBuffers.of(n, 1, ranges);
        part.run(c -> densities(part.lo(c, n), part.lo(c + 1, n), type, off, nbr, g, rhoBuf.buffer(c),
                rhoBuf.base(c)));
        double[] rho = new double[n];
        rhoBuf.reduceInto(part.parallel(), rho);

        // pass 2: embedding energies and F'(rho)
        double[] fp = new double[n];
        double[] emb = new double[n];
        double[] fpp = req.hessian() ? new double[n] : null;
        part.run(c -> embedding(part.lo(c, n), part.lo(c + 1, n), type, rho, fp, emb, fpp));

        // pass 3: pair energies, forces, virial
        boolean site = req.siteEnergies();
        ScatterBuffers fBuf = ScatterBuffers.of(n, 3, ranges);
        ScatterBuffers sBuf = site ? ScatterBuffers.of(n, 1, ranges) : null;
        double[][] wBuf = new double[Chunks.COUNT][9];
        double[] ePair = new double[Chunks.COUNT];
        part.run(c -> ePair[c] = forces(part.lo(c, n), part.lo(c + 1, n), type, off, nbr, g, fp,
                fBuf.buffer(c), fBuf.base(c), wBuf[c], site ? sBuf.buffer(c) : null));
        double[] f = new double[3 * n];
        fBuf.reduceInto(part.parallel(), f);
        double[] w = new double[9];
        for (double[] wc : wBuf) {
            for (int k = 0; k < 9; k++) {
                w[k] += wc[k];
            }
        }
        double energy = Partition.sum(emb) + Partition.sum(ePair);
        double[] siteE = null;
        if (site) {
            siteE = emb.clone();
            sBuf.reduceInto(part.parallel(), siteE);
        }
        BlockHessian h = req.hessian() ? hessian(n, type, off, nbr, vec, fp, fpp) : null;
        return new Evaluation(energy, siteE, f, w, h);
    }

    /** The host density rho_i of every atom (to see, e.g., whether a structure leaves the F(rho) table). */
    public double[] densities(Structure s) {
        checkSpecies(s);
        NeighbourList nl = NeighbourList.half(s, cutoff);
        int n = s.size();
        int[] type = elements.types(s);
        Geometry g = new Geometry(s.positionsView(), nl.packedShiftsView(), s.cell().matrix());
        ScatterBuffers buf = ScatterBuffers.of(n, 1, ScatterBuffers.ranges(n, nl.offsetsView(), nl.neighboursView()));
        Partition part = Chunks.partition(parallel, n);
        part.run(c -> densities(part.lo(c, n), part.lo(c + 1, n), type, nl.offsetsView(), nl.neighboursView(), g,
                buf.buffer(c), buf.base(c)));
        double[] rho = new double[n];
        buf.reduceInto(part.parallel(), rho);
        return rho;
    }

    /** Positions, packed image shifts of the list, and the cell rows. */
    private record Geometry(double[] x, int[] shift, double[] m) {
    }

    /**
     * The walk over the half-list pairs of one chunk: for pair p of atom i, the bond d = x_j - x_i + S.cell,
     * r, and the pair's table and knot. Pair vectors are rebuilt from positions and the list's image shifts,
     * so the kernel streams 8 bytes per pair (neighbour, shift) instead of 28 (with the stored vector), as
     * LAMMPS does.
     */
    private final class PairCursor {
        private final double[] x;
        private final int[] shift;
        private final double[] mm;
        private final int[] nbr;
        private final int[] type;
        private double xi;
        private double yi;
        private double zi;
        private int ti;
        int j;
        int k;        // ti * ne + tj: the table pair[k]
        int b;        // offset of the knot in pair[k]
        double dx;
        double dy;
        double dz;
        double r;
        double q;     // position in the knot interval, in [0, 1]

        PairCursor(Geometry g, int[] nbr, int[] type) {
            this.x = g.x();
            this.shift = g.shift();
            this.mm = g.m();
            this.nbr = nbr;
            this.type = type;
        }

        /** Starts on the pairs of atom i. */
        void centre(int i) {
            xi = x[3 * i];
            yi = x[3 * i + 1];
            zi = x[3 * i + 2];
            ti = type[i] * ne;
        }

        /** Moves to pair p of the centre; false when the pair is beyond the cutoff. */
        boolean at(int p) {
            int jj = nbr[p];
            dx = x[3 * jj] - xi;
            dy = x[3 * jj + 1] - yi;
            dz = x[3 * jj + 2] - zi;
            int sp = shift[p];
            if (sp != NeighbourList.NO_SHIFT) {
                image(sp);
            }
            double rsq = dx * dx + dy * dy + dz * dz;
            if (rsq >= cutsq) {
                return false;
            }
            j = jj;
            r = Math.sqrt(rsq);
            int m = knot(r);
            q = Math.min(r * rdr + 1.0 - m, 1.0);
            k = ti + type[jj];
            b = stride[k] * (m - 1);
            return true;
        }

        /** Adds the periodic image shift S.cell (kept apart: at() stays small enough for the JIT to inline). */
        private void image(int sp) {
            int s0 = NeighbourList.unpack(sp, 0), s1 = NeighbourList.unpack(sp, 1), s2 = NeighbourList.unpack(sp, 2);
            dx += s0 * mm[0] + s1 * mm[3] + s2 * mm[6];
            dy += s0 * mm[1] + s1 * mm[4] + s2 * mm[7];
            dz += s0 * mm[2] + s1 * mm[5] + s2 * mm[8];
        }
    }

    /** The knot of r: LAMMPS' PairEAM::compute index from r/dr, clamped to the last interval. */
    private int knot(double r) {
        return Math.min((int) (r * rdr + 1.0), nr - 1);
    }

    private void densities(int lo, int hi, int[] type, int[] off, int[] nbr, Geometry g, double[] rho, int base) {
        PairCursor pc = new PairCursor(g, nbr, type);
        for (int i = lo; i < hi; i++) {
            pc.centre(i);
            double rhoi = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                if (!pc.at(p)) {
                    continue;
                }
                int j = pc.j, k = pc.k, b = pc.b;
                double q = pc.q;
                double[] d = pair[k];
                double toI = ((d[b] * q + d[b + 1]) * q + d[b + 2]) * q + d[b + 3];
                rhoi += toI;
                int c = b + offIJ[k];
                rho[j - base] += c == b ? toI : ((d[c] * q + d[c + 1]) * q + d[c + 2]) * q + d[c + 3];
            }
            rho[i - base] += rhoi;
        }
    }

    private void embedding(int lo, int hi, int[] type, double[] rho, double[] fp, double[] emb, double[] fpp) {
        for (int i = lo; i < hi; i++) {
            double q = rho[i] * rdrho + 1.0;
            int m = (int) q;
            m = Math.max(1, Math.min(m, nrho - 1));
            q -= m;
            boolean beyond = q > 1.0;
            q = Math.min(q, 1.0);
            double[] c = embed[type[i]];
            int b = 7 * (m - 1);
            fp[i] = (c[b] * q + c[b + 1]) * q + c[b + 2];
            double phi = ((c[b + 3] * q + c[b + 4]) * q + c[b + 5]) * q + c[b + 6];
            if (rho[i] > rhomax) {
                phi += fp[i] * (rho[i] - rhomax);   // LAMMPS: linear continuation past the table
            }
            emb[i] = phi;
            if (fpp != null) {
                fpp[i] = beyond ? 0.0 : (2.0 * c[b] * q + c[b + 1]) * rdrho;
            }
        }
    }

    private double forces(int lo, int hi, int[] type, int[] off, int[] nbr, Geometry g, double[] fp, double[] f,
                          int base, double[] w, double[] site) {
        PairCursor pc = new PairCursor(g, nbr, type);
        double e = 0;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        for (int i = lo; i < hi; i++) {
            pc.centre(i);
            double fpi = fp[i];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                if (!pc.at(p)) {
                    continue;
                }
                int j = pc.j, k = pc.k, b = pc.b;
                double dx = pc.dx, dy = pc.dy, dz = pc.dz, r = pc.r, q = pc.q;
                double[] t = pair[k];
                // derivatives from the value coefficients: d/dr = (3 c3 q^2 + 2 c4 q + c5) / dr, which is LAMMPS'
                // (c0 q + c1) q + c2 with c0 = 3 c3/dr, c1 = 2 c4/dr, c2 = c5/dr up to round-off
                double rhojp = ((3.0 * t[b] * q + 2.0 * t[b + 1]) * q + t[b + 2]) * rdr;   // density at i due to j
                int c = b + offIJ[k];
                double rhoip = c == b ? rhojp : ((3.0 * t[c] * q + 2.0 * t[c + 1]) * q + t[c + 2]) * rdr;
                int z = b + offZ2[k];
                double z2 = ((t[z] * q + t[z + 1]) * q + t[z + 2]) * q + t[z + 3];
                double z2p = ((3.0 * t[z] * q + 2.0 * t[z + 1]) * q + t[z + 2]) * rdr;
                double recip = 1.0 / r;
                double phi = z2 * recip;
                double phip = z2p * recip - phi * recip;
                double psip = fpi * rhojp + fp[j] * rhoip + phip;   // dE/dr of this pair
                double fpair = -psip * recip;
                // force on j is -psip * d/r, on i the opposite; W = sum r (x) f = -psip d (x) d / r
                double fx = fpair * dx, fy = fpair * dy, fz = fpair * dz;
                fxi -= fx;
                fyi -= fy;
                fzi -= fz;
                int fj = 3 * (j - base);
                f[fj] += fx;
                f[fj + 1] += fy;
                f[fj + 2] += fz;
                w00 += fx * dx;
                w01 += fx * dy;
                w02 += fx * dz;
                w11 += fy * dy;
                w12 += fy * dz;
                w22 += fz * dz;
                e += phi;
                if (site != null) {
                    site[i - base] += 0.5 * phi;
                    site[j - base] += 0.5 * phi;
                }
            }
            int fi = 3 * (i - base);
            f[fi] += fxi;
            f[fi + 1] += fyi;
            f[fi + 2] += fzi;
        }
        w[0] += w00;
        w[1] += w01;
        w[2] += w02;
        w[3] += w01;
        w[4] += w11;
        w[5] += w12;
        w[6] += w02;
        w[7] += w12;
        w[8] += w22;
        return e;
    }

    /** Radial values at r of one ordered pair: phi, phi', phi'', g_{j->i}', g_{j->i}'', g_{i->j}', g_{i->j}''. */
    private void radial(int ti, int tj, double r, double[] out) {
        int m = knot(r);
        double q = r * rdr + 1.0 - m;
        boolean beyond = q > 1.0;
        q = Math.min(q, 1.0);
        int k = ti * ne + tj;
        double[] t = pair[k];
        int b = stride[k] * (m - 1);
        int z = b + offZ2[k];
        int c = b + offIJ[k];
        double z2 = ((t[z] * q + t[z + 1]) * q + t[z + 2]) * q + t[z + 3];
        double z2p = ((3.0 * t[z] * q + 2.0 * t[z + 1]) * q + t[z + 2]) * rdr;
        double z2pp = beyond ? 0 : (6.0 * t[z] * q + 2.0 * t[z + 1]) * rdr * rdr;
        out[0] = z2 / r;
        out[1] = z2p / r - z2 / (r * r);
        out[2] = z2pp / r - 2 * z2p / (r * r) + 2 * z2 / (r * r * r);
        out[3] = ((3.0 * t[b] * q + 2.0 * t[b + 1]) * q + t[b + 2]) * rdr;
        out[4] = beyond ? 0 : (6.0 * t[b] * q + 2.0 * t[b + 1]) * rdr * rdr;
        out[5] = ((3.0 * t[c] * q + 2.0 * t[c + 1]) * q + t[c + 2]) * rdr;
        out[6] = beyond ? 0 : (6.0 * t[c] * q + 2.0 * t[c + 1]) * rdr * rdr;
    }

    /**
     * d^2E/dx dx: for each pair the radial function psi(r) = phi + F'_i g_{j->i} + F'_j g_{i->j} gives the
     * block K = psi'' u u^T + psi'/r (I - u u^T) (+K on (i,i), (j,j), -K on (i,j), (j,i)); for each atom i,
     * F''_i (grad rho_i)(grad rho_i)^T couples every two atoms of the neighbourhood of i. Assembled row by row
     * (row a gathers the pairs of a and the neighbourhoods of a and its neighbours) straight into compressed
     * rows, O(N k^2) for k neighbours.
     */
    private BlockHessian hessian(int n, int[] type, int[] off, int[] nbr, double[] vec, double[] fp, double[] fpp) {
        // pairs within the cutoff: ends, pair block K, and the density gradients along u
        int np = 0;
        for (int p = 0; p < off[n]; p++) {
            if (r2(vec, p) < cutsq) {
                np++;
            }
        }
        int[] pi = new int[np], pj = new int[np];
        double[] kb = new double[9 * np];
        double[] gji = new double[3 * np];   // g_{j->i}' u: d rho_i / d x_j
        double[] gij = new double[3 * np];   // g_{i->j}' u: d rho_j / d x_j
        double[] rad = new double[7];
        int[] deg = new int[n + 1];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                double rsq = r2(vec, p);
                if (rsq >= cutsq) {
                    continue;
                }
                int j = nbr[p];
                double r = Math.sqrt(rsq);
                double ux = vec[3 * p] / r, uy = vec[3 * p + 1] / r, uz = vec[3 * p + 2] / r;
                double[] u = {ux, uy, uz};
                radial(type[i], type[j], r, rad);
                double psip = rad[1] + fp[i] * rad[3] + fp[j] * rad[5];
                double psipp = rad[2] + fp[i] * rad[4] + fp[j] * rad[6];
                for (int a = 0; a < 3; a++) {
                    for (int c = 0; c < 3; c++) {
                        double uu = u[a] * u[c];
                        kb[9 * e + 3 * a + c] = psipp * uu + psip / r * ((a == c ? 1 : 0) - uu);
                    }
                    gji[3 * e + a] = rad[3] * u[a];
                    gij[3 * e + a] = rad[5] * u[a];
                }
                pi[e] = i;
                pj[e] = j;
                deg[i + 1]++;
                deg[j + 1]++;
                e++;
            }
        }
        for (int i = 0; i < n; i++) {
            deg[i + 1] += deg[i];
        }
        int[] fill = deg.clone();
        int[] inc = new int[deg[n]];     // pairs incident to each atom (a self-image pair twice)
        for (int q = 0; q < np; q++) {
            inc[fill[pi[q]]++] = q;
            inc[fill[pj[q]]++] = q;
        }
        // grad rho_i, aggregated per atom: CSR (gStart) of (atom, vector)
        int[] gStart = new int[n + 1];
        int[] gAtom = new int[deg[n] + n];
        double[] gVec = new double[3 * (deg[n] + n)];
        int[] slot = new int[n];
        java.util.Arrays.fill(slot, -1);
        int g = 0;
        for (int i = 0; i < n; i++) {
            gStart[i] = g;
            slot[i] = g;
            gAtom[g] = i;
            g++;
            for (int t = deg[i]; t < deg[i + 1]; t++) {
                int q = inc[t];
                boolean first = pi[q] == i;
                int other = first ? pj[q] : pi[q];
                if (first && t + 1 < deg[i + 1] && inc[t + 1] == q) {
                    t++;   // a self-image pair (other == i) moves nothing
                    continue;
                }
                // d rho_i along the pair: from j's density if i is the first end, from i's otherwise
                double[] gv = first ? gji : gij;
                double sgn = first ? 1.0 : -1.0;   // d rho / d x_other = +/- g' u
                if (slot[other] < 0) {
                    slot[other] = g;
                    gAtom[g] = other;
                    g++;
                }
                int so = slot[other], si = slot[i];
                for (int a = 0; a < 3; a++) {
                    gVec[3 * so + a] += sgn * gv[3 * q + a];
                    gVec[3 * si + a] -= sgn * gv[3 * q + a];
                }
            }
            for (int x = gStart[i]; x < g; x++) {
                slot[gAtom[x]] = -1;
            }
        }
        gStart[n] = g;
        // rows
        int cap = Math.max(16, 64 * n);
        int[] col = new int[cap];
        double[] val = new double[9 * cap];
        int[] rowStart = new int[n + 1];
        int[] touched = new int[n];
        double[] acc = new double[9 * n];
        int[] seen = new int[n];
        java.util.Arrays.fill(seen, -1);
        int nb = 0;
        for (int a = 0; a < n; a++) {
            int nt = 0;
            // pair terms
            for (int t = deg[a]; t < deg[a + 1]; t++) {
                int q = inc[t];
                int other = pi[q] == a ? pj[q] : pi[q];
                if (other == a) {
                    continue;
                }
                nt = touch(a, slot, touched, nt, acc);
                nt = touch(other, slot, touched, nt, acc);
                int sa = slot[a], so = slot[other];
                for (int c = 0; c < 9; c++) {
                    acc[9 * sa + c] += kb[9 * q + c];
                    acc[9 * so + c] -= kb[9 * q + c];
                }
            }
            // embedding cross terms from every atom i whose density depends on a: a itself and its neighbours
            for (int t = deg[a] - 1; t < deg[a + 1]; t++) {
                int i;
                if (t < deg[a]) {
                    i = a;
                } else {
                    int q = inc[t];
                    i = pi[q] == a ? pj[q] : pi[q];
                }
                if (seen[i] == a || fpp[i] == 0) {
                    continue;
                }
                seen[i] = a;
                int ga = -1;
                for (int x = gStart[i]; x < gStart[i + 1]; x++) {
                    if (gAtom[x] == a) {
                        ga = x;
                        break;
                    }
                }
                if (ga < 0) {
                    continue;
                }
                double f2 = fpp[i];
                double ax = f2 * gVec[3 * ga], ay = f2 * gVec[3 * ga + 1], az = f2 * gVec[3 * ga + 2];
                for (int x = gStart[i]; x < gStart[i + 1]; x++) {
                    int b = gAtom[x];
                    nt = touch(b, slot, touched, nt, acc);
                    int sb = 9 * slot[b];
                    double bx = gVec[3 * x], by = gVec[3 * x + 1], bz = gVec[3 * x + 2];
                    acc[sb] += ax * bx;
                    acc[sb + 1] += ax * by;
                    acc[sb + 2] += ax * bz;
                    acc[sb + 3] += ay * bx;
                    acc[sb + 4] += ay * by;
                    acc[sb + 5] += ay * bz;
                    acc[sb + 6] += az * bx;
                    acc[sb + 7] += az * by;
                    acc[sb + 8] += az * bz;
                }
            }
            java.util.Arrays.sort(touched, 0, nt);
            if (nb + nt > col.length) {
                int c2 = Math.max(2 * col.length, nb + nt);
                col = java.util.Arrays.copyOf(col, c2);
                val = java.util.Arrays.copyOf(val, 9 * c2);
            }
            for (int x = 0; x < nt; x++) {
                int b = touched[x];
                col[nb] = b;
                System.arraycopy(acc, 9 * slot[b], val, 9 * nb, 9);
                nb++;
            }
            for (int x = 0; x < nt; x++) {
                slot[touched[x]] = -1;
            }
            rowStart[a + 1] = nb;
        }
        return BlockHessian.ofRows(n, rowStart, java.util.Arrays.copyOf(col, nb), java.util.Arrays.copyOf(val, 9 * nb));
    }

    /** Gives atom b a zeroed accumulator slot in the current row if it has none. */
    private static int touch(int b, int[] slot, int[] touched, int nt, double[] acc) {
        if (slot[b] < 0) {
            slot[b] = nt;
            touched[nt] = b;
            java.util.Arrays.fill(acc, 9 * nt, 9 * nt + 9, 0.0);
            return nt + 1;
        }
        return nt;
    }

    private static double r2(double[] vec, int p) {
        return vec[3 * p] * vec[3 * p] + vec[3 * p + 1] * vec[3 * p + 1] + vec[3 * p + 2] * vec[3 * p + 2];
    }
}
