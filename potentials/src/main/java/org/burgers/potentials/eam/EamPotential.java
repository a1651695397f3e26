package org.burgers.potentials.eam;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.Chunks;

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
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> species;
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
        for (int e = 0; e < ne; e++) {
            index.put(t.elements().get(e), e);
        }
        this.species = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(t.elements()));
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
        return species;
    }

    @Override
    public boolean wantsHalfList() {
        return true;
    }

    private int[] types(Structure s) {
        int[] t = new int[s.size()];
        for (int i = 0; i < t.length; i++) {
            Integer e = index.get(s.element(i).symbol());
            if (e == null) {
                checkSpecies(s);
            }
            t[i] = e;
        }
        return t;
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
        checkList(nl);
        int n = s.size();
        int[] type = types(s);
        int[] off = nl.offsetsView();
        int[] nbr = nl.neighboursView();
        double[] vec = nl.vectorsView();

        // pass 1: densities
        double[][] rhoBuf = new double[Chunks.COUNT][n];
        Chunks.run(parallel, c -> densities(Chunks.lo(c, n), Chunks.lo(c + 1, n), type, off, nbr, vec, rhoBuf[c]));
        double[] rho = new double[n];
        Chunks.reduce(parallel, rhoBuf, rho);

        // pass 2: embedding energies and F'(rho)
        double[] fp = new double[n];
        double[] emb = new double[n];
        double[] fpp = req.hessian() ? new double[n] : null;
        Chunks.run(parallel, c -> embedding(Chunks.lo(c, n), Chunks.lo(c + 1, n), type, rho, fp, emb, fpp));

        // pass 3: pair energies, forces, virial
        boolean site = req.siteEnergies();
        double[][] fBuf = new double[Chunks.COUNT][3 * n];
        double[][] sBuf = site ? new double[Chunks.COUNT][n] : null;
        double[][] wBuf = new double[Chunks.COUNT][9];
        double[] ePair = new double[Chunks.COUNT];
        Chunks.run(parallel, c -> ePair[c] = forces(Chunks.lo(c, n), Chunks.lo(c + 1, n), type, off, nbr, vec, fp,
                fBuf[c], wBuf[c], site ? sBuf[c] : null));
        double[] f = new double[3 * n];
        Chunks.reduce(parallel, fBuf, f);
        double[] w = new double[9];
        for (double[] wc : wBuf) {
            for (int k = 0; k < 9; k++) {
                w[k] += wc[k];
            }
        }
        double energy = Chunks.sum(emb) + Chunks.sum(ePair);
        double[] siteE = null;
        if (site) {
            siteE = emb.clone();
            Chunks.reduce(parallel, sBuf, siteE);
        }
        BlockHessian h = req.hessian() ? hessian(n, type, off, nbr, vec, fp, fpp) : null;
        return new Evaluation(energy, siteE, f, w, h);
    }

    /** The host density rho_i of every atom (to see, e.g., whether a structure leaves the F(rho) table). */
    public double[] densities(Structure s) {
        checkSpecies(s);
        NeighbourList nl = NeighbourList.half(s, cutoff);
        int n = s.size();
        double[][] rhoBuf = new double[Chunks.COUNT][n];
        int[] type = types(s);
        Chunks.run(parallel, c -> densities(Chunks.lo(c, n), Chunks.lo(c + 1, n), type, nl.offsetsView(),
                nl.neighboursView(), nl.vectorsView(), rhoBuf[c]));
        double[] rho = new double[n];
        Chunks.reduce(parallel, rhoBuf, rho);
        return rho;
    }

    private void densities(int lo, int hi, int[] type, int[] off, int[] nbr, double[] vec, double[] rho) {
        for (int i = lo; i < hi; i++) {
            int ti = type[i] * ne;
            double rhoi = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                double dx = vec[3 * p], dy = vec[3 * p + 1], dz = vec[3 * p + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                int j = nbr[p];
                // PairEAM::compute: knot index from r/dr, clamped to the last interval
                double q = Math.sqrt(rsq) * rdr + 1.0;
                int m = (int) q;
                m = Math.min(m, nr - 1);
                q -= m;
                q = Math.min(q, 1.0);
                int k = ti + type[j];
                double[] d = pair[k];
                int b = stride[k] * (m - 1);
                double toI = ((d[b] * q + d[b + 1]) * q + d[b + 2]) * q + d[b + 3];
                rhoi += toI;
                int c = b + offIJ[k];
                rho[j] += c == b ? toI : ((d[c] * q + d[c + 1]) * q + d[c + 2]) * q + d[c + 3];
            }
            rho[i] += rhoi;
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

    private double forces(int lo, int hi, int[] type, int[] off, int[] nbr, double[] vec, double[] fp, double[] f,
                          double[] w, double[] site) {
        double e = 0;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        for (int i = lo; i < hi; i++) {
            int ti = type[i] * ne;
            double fpi = fp[i];
            double fxi = 0, fyi = 0, fzi = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                double dx = vec[3 * p], dy = vec[3 * p + 1], dz = vec[3 * p + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= cutsq) {
                    continue;
                }
                int j = nbr[p];
                double r = Math.sqrt(rsq);
                double q = r * rdr + 1.0;
                int m = (int) q;
                m = Math.min(m, nr - 1);
                q -= m;
                q = Math.min(q, 1.0);
                int k = ti + type[j];
                double[] t = pair[k];
                int b = stride[k] * (m - 1);
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
                f[3 * j] += fx;
                f[3 * j + 1] += fy;
                f[3 * j + 2] += fz;
                w00 += fx * dx;
                w01 += fx * dy;
                w02 += fx * dz;
                w11 += fy * dy;
                w12 += fy * dz;
                w22 += fz * dz;
                e += phi;
                if (site != null) {
                    site[i] += 0.5 * phi;
                    site[j] += 0.5 * phi;
                }
            }
            f[3 * i] += fxi;
            f[3 * i + 1] += fyi;
            f[3 * i + 2] += fzi;
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
        double q = r * rdr + 1.0;
        int m = (int) q;
        m = Math.min(m, nr - 1);
        q -= m;
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
     * block psi'' u u^T + psi'/r (I - u u^T); for each atom i, F''_i (grad rho_i)(grad rho_i)^T couples every
     * two atoms in the neighbourhood of i.
     */
    private BlockHessian hessian(int n, int[] type, int[] off, int[] nbr, double[] vec, double[] fp, double[] fpp) {
        BlockHessian.Builder hb = new BlockHessian.Builder(n);
        // gradient entries of rho_a: (atom, vector), collected per atom a in CSR form
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                if (r2(vec, p) < cutsq) {
                    count[i + 1] += 2;
                    count[nbr[p] + 1] += 2;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = count.clone();
        int[] gAtom = new int[count[n]];
        double[] gVec = new double[3 * count[n]];
        double[] rad = new double[7];
        double[] blk = new double[9];
        for (int i = 0; i < n; i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                double rsq = r2(vec, p);
                if (rsq >= cutsq) {
                    continue;
                }
                int j = nbr[p];
                double r = Math.sqrt(rsq);
                double[] u = {vec[3 * p] / r, vec[3 * p + 1] / r, vec[3 * p + 2] / r};
                radial(type[i], type[j], r, rad);
                double psip = rad[1] + fp[i] * rad[3] + fp[j] * rad[5];
                double psipp = rad[2] + fp[i] * rad[4] + fp[j] * rad[6];
                if (j != i) {   // an atom and its own image keep their distance
                    for (int a = 0; a < 3; a++) {
                        for (int c = 0; c < 3; c++) {
                            double uu = u[a] * u[c];
                            blk[3 * a + c] = psipp * uu + psip / r * ((a == c ? 1 : 0) - uu);
                        }
                    }
                    hb.addBlock(i, i, blk, 1);
                    hb.addBlock(j, j, blk, 1);
                    hb.addBlock(i, j, blk, -1);
                    hb.addBlock(j, i, blk, -1);
                }
                // d rho_i = g_{j->i}' u . (dx_j - dx_i); d rho_j = g_{i->j}' u . (dx_j - dx_i)
                put(fill, gAtom, gVec, i, j, u, rad[3]);
                put(fill, gAtom, gVec, i, i, u, -rad[3]);
                put(fill, gAtom, gVec, j, j, u, rad[5]);
                put(fill, gAtom, gVec, j, i, u, -rad[5]);
            }
        }
        int[] slot = new int[n];
        java.util.Arrays.fill(slot, -1);
        int[] atoms = new int[64];
        double[] grads = new double[3 * 64];
        for (int i = 0; i < n; i++) {
            if (fpp[i] == 0) {
                continue;
            }
            int k = 0;
            for (int e = count[i]; e < count[i + 1]; e++) {
                int a = gAtom[e];
                if (slot[a] < 0) {
                    if (k == atoms.length) {
                        atoms = java.util.Arrays.copyOf(atoms, 2 * k);
                        grads = java.util.Arrays.copyOf(grads, 6 * k);
                    }
                    slot[a] = k;
                    atoms[k] = a;
                    grads[3 * k] = grads[3 * k + 1] = grads[3 * k + 2] = 0;
                    k++;
                }
                int s = slot[a];
                grads[3 * s] += gVec[3 * e];
                grads[3 * s + 1] += gVec[3 * e + 1];
                grads[3 * s + 2] += gVec[3 * e + 2];
            }
            for (int x = 0; x < k; x++) {
                for (int y = 0; y < k; y++) {
                    for (int a = 0; a < 3; a++) {
                        for (int c = 0; c < 3; c++) {
                            blk[3 * a + c] = grads[3 * x + a] * grads[3 * y + c];
                        }
                    }
                    hb.addBlock(atoms[x], atoms[y], blk, fpp[i]);
                }
            }
            for (int x = 0; x < k; x++) {
                slot[atoms[x]] = -1;
            }
        }
        return hb.build();
    }

    private static double r2(double[] vec, int p) {
        return vec[3 * p] * vec[3 * p] + vec[3 * p + 1] * vec[3 * p + 1] + vec[3 * p + 2] * vec[3 * p + 2];
    }

    private static void put(int[] fill, int[] gAtom, double[] gVec, int owner, int atom, double[] u, double g) {
        int e = fill[owner]++;
        gAtom[e] = atom;
        gVec[3 * e] = g * u[0];
        gVec[3 * e + 1] = g * u[1];
        gVec[3 * e + 2] = g * u[2];
    }
}
