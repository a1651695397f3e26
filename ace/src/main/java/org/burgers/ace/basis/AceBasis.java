package org.burgers.ace.basis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.burgers.ace.coupling.CouplingCoefficients;
import org.burgers.ace.coupling.Invariants;
import org.burgers.ace.harmonics.RealSphericalHarmonics;
import org.burgers.ace.radial.PairBasis;
import org.burgers.ace.radial.RadialBasis;
import org.burgers.core.InputException;
import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * An ACE basis built from an {@link AceSpec}: one-particle functions {@code phi_znlm = R_n(r) Y_lm(r_hat)}
 * for neighbour species z, densities {@code A_znlm = sum_j phi_znlm(r_ij)}, products AA evaluated on a DAG
 * (each product = an earlier product times one density, so the cost does not grow with permutations), and
 * invariants {@code B = sum U AA} from {@link CouplingCoefficients}. Plus the pair basis {@code sum_j P_n(r_ij)}
 * per unordered species pair. Paper section 4.1.1 and Appendix C (C.1).
 *
 * <p>Columns: first the pair functions, {@code pairIndex(za <= zb) * nPair + (n - 1)}, then for each centre
 * species z0 the many-body functions, {@code pairColumns + z0 * manyBodyPerCentre + group.colStart + f}.
 * Immutable and thread-safe.
 */
public final class AceBasis implements LinearBasis {
    final AceSpec spec;
    final String[] species;
    final Map<String, Integer> speciesIndex = new HashMap<>();
    final int nz;
    // one-particle blocks (n, l) for one neighbour species. Densities are stored (z, n, lm): for each n the
    // admissible (l, m) form a prefix 0..lmCount[n-1] of the harmonics, so the inner loops over lm are long,
    // contiguous axpy loops the JIT vectorises: A index = z * nA1 + nOff[n - 1] + l*l + l + m
    final int nBlocks;
    final int[] blockN;
    final int[] blockL;
    final int[] lmCount;
    final int[] nOff;
    final int nA1;
    final int nA;
    final int nmax;
    final int lmax;
    final RadialBasis radial;
    final RealSphericalHarmonics harmonics;
    final PairBasis pairBasis;
    final int nPair;
    final int pairColumns;
    // product DAG: nodes < nA are the densities, node k >= nA is node parent[k - nA] times density last[k - nA]
    final int nNodes;
    final int[] parent;
    final int[] last;
    final Group[] groups;
    final int manyBodyPerCentre;
    final int size;
    final int[] countByOrder;   // many-body functions per centre by order; [1] includes nothing of the pair

    public AceBasis(AceSpec spec) {
        this(spec, new CouplingCoefficients());
    }

    public AceBasis(AceSpec spec, CouplingCoefficients coupling) {
        this.spec = spec;
        this.species = spec.species().toArray(new String[0]);
        this.nz = species.length;
        for (int z = 0; z < nz; z++) {
            speciesIndex.put(species[z], z);
        }
        double d = spec.degree(), wl = spec.wL();
        List<int[]> bl = new ArrayList<>();
        for (int l = 0; 1 + wl * l <= d + 1e-9; l++) {
            for (int n = 1; n + wl * l <= d + 1e-9; n++) {
                bl.add(new int[] {n, l});
            }
        }
        nBlocks = bl.size();
        blockN = new int[nBlocks];
        blockL = new int[nBlocks];
        int nm = 0, lm = 0;
        for (int b = 0; b < nBlocks; b++) {
            blockN[b] = bl.get(b)[0];
            blockL[b] = bl.get(b)[1];
            nm = Math.max(nm, blockN[b]);
            lm = Math.max(lm, blockL[b]);
        }
        lmCount = new int[nm];
        for (int b = 0; b < nBlocks; b++) {
            int l = blockL[b];
            lmCount[blockN[b] - 1] = Math.max(lmCount[blockN[b] - 1], (l + 1) * (l + 1));
        }
        nOff = new int[nm];
        int off = 0;
        for (int n = 0; n < nm; n++) {
            nOff[n] = off;
            off += lmCount[n];
        }
        nA1 = off;
        nA = nz * nA1;
        nmax = nm;
        lmax = lm;
        radial = new RadialBasis(nmax, spec.r0(), spec.rcut());
        harmonics = new RealSphericalHarmonics(lmax);
        if (spec.pair()) {
            nPair = (int) Math.floor(spec.pairDegree() + 1e-9);
            pairBasis = new PairBasis(nPair, spec.r0(), spec.pairRcut());
        } else {
            nPair = 0;
            pairBasis = null;
        }
        pairColumns = nz * (nz + 1) / 2 * nPair;

        // many-body multisets of global blocks (z * nBlocks + b), non-decreasing, total degree <= D
        List<int[]> parentList = new ArrayList<>();
        Map<Long, Integer> nodeIndex = new HashMap<>();
        List<Group> gl = new ArrayList<>();
        int minOrder = spec.pair() ? 2 : 1;
        int[] cols = {0};
        countByOrder = new int[spec.order() + 1];
        for (int nu = minOrder; nu <= spec.order(); nu++) {
            int[] seq = new int[nu];
            enumerate(seq, 0, 0, 0.0, coupling, nodeIndex, parentList, gl, cols);
        }
        groups = gl.toArray(new Group[0]);
        manyBodyPerCentre = cols[0];
        nNodes = nA + parentList.size();
        parent = new int[parentList.size()];
        last = new int[parentList.size()];
        for (int k = 0; k < parentList.size(); k++) {
            parent[k] = parentList.get(k)[0];
            last[k] = parentList.get(k)[1];
        }
        size = pairColumns + nz * manyBodyPerCentre;
    }

    private double degree(int gb) {
        int b = gb % nBlocks;
        return blockN[b] + spec.wL() * blockL[b];
    }

    private void enumerate(int[] seq, int t, int from, double deg, CouplingCoefficients coupling,
                           Map<Long, Integer> nodeIndex, List<int[]> parentList, List<Group> gl, int[] cols) {
        int nu = seq.length;
        if (t == nu) {
            int lsum = 0;
            for (int gb : seq) {
                lsum += blockL[gb % nBlocks];
            }
            if (lsum % 2 == 0) {
                addGroup(seq.clone(), coupling, nodeIndex, parentList, gl, cols);
            }
            return;
        }
        double minDeg = 1.0;
        for (int gb = from; gb < nz * nBlocks; gb++) {
            double dd = degree(gb);
            if (deg + dd + (nu - t - 1) * minDeg <= spec.degree() + 1e-9) {
                seq[t] = gb;
                enumerate(seq, t + 1, gb, deg + dd, coupling, nodeIndex, parentList, gl, cols);
            }
        }
    }

    private void addGroup(int[] blocks, CouplingCoefficients coupling, Map<Long, Integer> nodeIndex,
                          List<int[]> parentList, List<Group> gl, int[] cols) {
        int nu = blocks.length;
        int[] l = new int[nu];
        int[] cls = new int[nu];
        for (int t = 0; t < nu; t++) {
            l[t] = blockL[blocks[t] % nBlocks];
            cls[t] = blocks[t];
        }
        Invariants inv = coupling.invariants(l, cls);
        if (inv.rank() == 0) {
            return;
        }
        // distinct blocks and their local layout
        LinkedHashSet<Integer> distinct = new LinkedHashSet<>();
        for (int gb : blocks) {
            distinct.add(gb);
        }
        int[] localBlock = distinct.stream().mapToInt(Integer::intValue).toArray();
        int[] localOff = new int[localBlock.length];
        Map<Integer, Integer> localOfBlock = new HashMap<>();
        int nLocal = 0;
        for (int dd = 0; dd < localBlock.length; dd++) {
            localOff[dd] = nLocal;
            localOfBlock.put(localBlock[dd], nLocal);
            nLocal += 2 * blockL[localBlock[dd] % nBlocks] + 1;
        }
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < inv.tuples().length; k++) {
            boolean nonzero = false;
            for (double[] row : inv.u()) {
                nonzero |= row[k] != 0.0;
            }
            if (nonzero) {
                keep.add(k);
            }
        }
        int ne = keep.size();
        int[] nodes = new int[ne];
        int[] factorA = new int[ne * nu];
        int[] factorLocal = new int[ne * nu];
        double[] u = new double[inv.rank() * ne];
        for (int e = 0; e < ne; e++) {
            int k = keep.get(e);
            int[] m = inv.tuples()[k];
            int node = -1;
            for (int t = 0; t < nu; t++) {
                int gb = blocks[t];
                int z = gb / nBlocks, b = gb % nBlocks;
                int a = z * nA1 + nOff[blockN[b] - 1] + blockL[b] * blockL[b] + blockL[b] + m[t];
                factorA[e * nu + t] = a;
                factorLocal[e * nu + t] = localOfBlock.get(gb) + blockL[b] + m[t];
                node = t == 0 ? a : intern(node, a, nodeIndex, parentList);
            }
            nodes[e] = node;
            for (int f = 0; f < inv.rank(); f++) {
                u[f * ne + e] = inv.u()[f][k];
            }
        }
        gl.add(new Group(nu, blocks, inv.rank(), cols[0], nodes, u, factorA, factorLocal, localBlock, localOff,
                nLocal));
        cols[0] += inv.rank();
        countByOrder[nu] += inv.rank();
    }

    private int intern(int parentNode, int a, Map<Long, Integer> nodeIndex, List<int[]> parentList) {
        long key = (long) parentNode * nA + a;
        Integer k = nodeIndex.get(key);
        if (k == null) {
            k = nz * nA1 + parentList.size();
            parentList.add(new int[] {parentNode, a});
            nodeIndex.put(key, k);
        }
        return k;
    }

    public AceSpec spec() {
        return spec;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double cutoff() {
        return spec.cutoff();
    }

    @Override
    public Set<String> species() {
        return new LinkedHashSet<>(spec.species());
    }

    public List<String> speciesList() {
        return spec.species();
    }

    public int pairColumns() {
        return pairColumns;
    }

    public int manyBodyPerCentre() {
        return manyBodyPerCentre;
    }

    /** Number of product nodes (densities excluded) of the evaluation DAG. */
    public int productNodes() {
        return nNodes - nA;
    }

    /** Number of density components A_znlm per site. */
    public int densities() {
        return nA;
    }

    /** Function counts by body order: "pair" (all pair columns) and per correlation order, all centres. */
    public Map<String, Integer> countsByOrder() {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (spec.pair()) {
            m.put("pair", pairColumns);
        }
        for (int nu = 1; nu < countByOrder.length; nu++) {
            if (countByOrder[nu] > 0 || nu >= (spec.pair() ? 2 : 1)) {
                m.put(Integer.toString(nu), countByOrder[nu] * nz);
            }
        }
        return m;
    }

    int pairIndex(int za, int zb) {
        int a = Math.min(za, zb), b = Math.max(za, zb);
        return a * nz - a * (a - 1) / 2 + (b - a);
    }

    /** Column of pair function n (1-based) for the unordered species pair (za, zb). */
    public int pairColumn(int za, int zb, int n) {
        return pairIndex(za, zb) * nPair + (n - 1);
    }

    /**
     * Rows of a curvature (roughness) prior on the pair functions: for every unordered species pair and every
     * grid point r_g = rlo + (g + 1/2) dr below the pair cutoff, a row holding sqrt(dr) P_n''(r_g) in that
     * pair's columns (zero elsewhere), so that for coefficients c, |R c|^2 is the midpoint rule of
     * sum over species pairs of int_rlo^rcut phi''(r)^2 dr with phi = sum_n c_n P_n. This is the penalty of a
     * smoothing spline (Reinsch 1967; Wahba 1990): added to a least-squares loss it stops a high-degree pair
     * polynomial from oscillating where the data hold no bonds (below the shortest sampled distance) without
     * constraining it where they do. P'' is the central difference of the analytic P' (step 1e-5 A).
     *
     * @return row-major (rows x size()) matrix; rows = species pairs x grid points; empty without a pair basis
     */
    public double[] pairCurvatureRows(double rlo, double dr) {
        return pairCurvatureRows(rlo, spec.pairRcut(), dr);
    }

    /** As {@link #pairCurvatureRows(double, double)} over [rlo, rhi] only (rhi at most the pair cutoff). */
    public double[] pairCurvatureRows(double rlo, double rhi, double dr) {
        if (pairBasis == null) {
            return new double[0];
        }
        if (!(rlo > 0) || !(dr > 0) || !(rlo < rhi) || !(rhi <= spec.pairRcut())) {
            throw new IllegalArgumentException("pair curvature rows need 0 < rlo < rhi <= pair cutoff and dr > 0, got rlo = "
                    + rlo + ", rhi = " + rhi + ", dr = " + dr);
        }
        int grid = (int) Math.ceil((rhi - rlo) / dr - 1e-9);
        int pairs = nz * (nz + 1) / 2;
        double[] rows = new double[pairs * grid * size];
        double[] pv = new double[nPair];
        double[] dplus = new double[nPair];
        double[] dminus = new double[nPair];
        double[] scratch = new double[2];
        double h = 1e-5;
        double w = Math.sqrt(dr);
        for (int g = 0; g < grid; g++) {
            double r = rlo + (g + 0.5) * dr;
            pairBasis.evaluate(Math.min(r + h, spec.pairRcut()), pv, dplus, 0, scratch);
            pairBasis.evaluate(r - h, pv, dminus, 0, scratch);
            double step = Math.min(r + h, spec.pairRcut()) - (r - h);
            for (int p = 0; p < pairs; p++) {
                int row = p * grid + g;
                for (int n = 0; n < nPair; n++) {
                    rows[row * size + p * nPair + n] = w * (dplus[n] - dminus[n]) / step;
                }
            }
        }
        return rows;
    }

    /** Column of many-body function f of group g for centre species z0. */
    int manyBodyColumn(int z0, Group g, int f) {
        return pairColumns + z0 * manyBodyPerCentre + g.colStart() + f;
    }

    /** Coefficient of every DAG node for centre species z0: sum over many-body functions of c_col U. */
    public double[] contractManyBody(int z0, double[] c) {
        double[] out = new double[nNodes];
        for (Group g : groups) {
            int ne = g.nodes().length;
            for (int f = 0; f < g.rank(); f++) {
                double cf = c[manyBodyColumn(z0, g, f)];
                for (int e = 0; e < ne; e++) {
                    out[g.nodes()[e]] += cf * g.u()[f * ne + e];
                }
            }
        }
        return out;
    }

    /** Pair coefficients for centre species z0, indexed {@code z * nPair + n - 1} by neighbour species z. */
    public double[] contractPair(int z0, double[] c) {
        double[] out = new double[Math.max(1, nz * nPair)];
        for (int z = 0; z < nz; z++) {
            for (int n = 1; n <= nPair; n++) {
                out[z * nPair + n - 1] = c[pairColumn(z0, z, n)];
            }
        }
        return out;
    }

    /** Species index of every atom; an InputException naming the first atom of a species the basis lacks. */
    public int[] speciesOf(Structure s) {
        int[] z = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            Integer k = speciesIndex.get(s.element(i).symbol());
            if (k == null) {
                throw new InputException("atom " + i + " is " + s.element(i).symbol()
                        + ", which the ACE basis does not cover (it knows " + Arrays.toString(species) + ")");
            }
            z[i] = k;
        }
        return z;
    }

    @Override
    public Features features(Structure s, NeighbourList list, boolean forces, boolean virial) {
        if (list.isHalf()) {
            throw new IllegalArgumentException("ACE features need a full neighbour list");
        }
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " < basis cutoff " + cutoff());
        }
        int[] z = speciesOf(s);
        int n = s.size();
        double[] energy = new double[size];
        double[] f = forces || virial ? new double[3 * n * size] : null;
        double[] w = virial ? new double[9 * size] : null;
        SiteKernel ws = new SiteKernel(this);
        for (int i = 0; i < n; i++) {
            ws.siteFeatures(i, z, list, energy, forces || virial, f, w);
        }
        return new Features(size, n, energy, forces ? f : null, w);
    }
}
