package org.burgers.ace.coupling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Coupling coefficients of the ACE basis (Drautz 2019; Bachmayr et al., J. Comp. Phys. 454 (2022) 110946,
 * Lemma 2 and (3.12)): for a tuple l = (l_1..l_nu), every coupling tree L_1 = l_1, L_k in
 * |L_(k-1) - l_k|..L_(k-1) + l_k, L_(nu-1) = l_nu gives a complex invariant
 * {@code sum_m prod_k <L_(k-1) M_(k-1) l_k m_k | L_k M_k> <L_(nu-1) M, l_nu -M | 0 0> prod_t Y_(l_t)^(m_t)}
 * (generalised Clebsch-Gordan recursion). Rewritten in real harmonics and with m sorted within each class of
 * identical one-particle functions (which is what the product of densities A does to permutations), the real
 * and imaginary parts of all these candidates span the invariant space; a rank-revealing SVD then removes the
 * linear dependencies and returns an orthonormal basis of it.
 *
 * <p>Thread-safe; results are cached per (l, classes).
 */
public final class CouplingCoefficients {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double RANK_TOL = 1e-9;

    private final Map<String, Invariants> cache = new ConcurrentHashMap<>();
    private final Map<Long, Double> cgCache = new ConcurrentHashMap<>();

    /**
     * Invariants for l, where {@code classes[t]} labels one-particle functions that are identical (equal labels
     * must be adjacent and have equal l).
     */
    public Invariants invariants(int[] l, int[] classes) {
        // only the pattern of identical functions matters: relabel classes 0, 1, 2, ... by first appearance
        int[] pattern = new int[classes.length];
        int next = 0;
        for (int t = 0; t < classes.length; t++) {
            pattern[t] = t > 0 && classes[t] == classes[t - 1] ? pattern[t - 1] : next++;
        }
        String key = Arrays.toString(l) + Arrays.toString(pattern);
        return cache.computeIfAbsent(key, k -> compute(l.clone(), pattern));
    }

    private Invariants compute(int[] l, int[] classes) {
        int nu = l.length;
        int lsum = 0;
        for (int v : l) {
            lsum += v;
        }
        if (lsum % 2 != 0) {   // odd total l: pseudo-scalar, not reflection invariant
            return new Invariants(l, classes, new int[0][], new double[0][]);
        }
        List<double[][]> candidates = new ArrayList<>();   // each: {re[], im[]} over tuple index
        Map<Long, Integer> tupleIndex = new LinkedHashMap<>();
        List<int[]> tuples = new ArrayList<>();
        if (nu == 1) {
            if (l[0] == 0) {
                tuples.add(new int[] {0});
                tupleIndex.put(0L, 0);
                candidates.add(new double[][] {{1.0}, {0.0}});
            }
        } else {
            int[] chain = new int[nu - 1];
            chain[0] = l[0];
            enumerateChains(l, chain, 1, candidates, tupleIndex, tuples, classes);
        }
        int nt = tuples.size();
        List<double[]> rows = new ArrayList<>();
        for (double[][] c : candidates) {
            for (double[] part : c) {
                double[] row = Arrays.copyOf(part, nt);
                double norm = 0;
                for (double v : row) {
                    norm += v * v;
                }
                if (norm > 1e-24) {
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty() || nt == 0) {
            return new Invariants(l, classes, new int[0][], new double[0][]);
        }
        // SVD of C^T (tuples x candidates): its left singular vectors with nonzero singular value span the
        // row space of C, the invariant functions.
        DMatrixRMaj ct = new DMatrixRMaj(nt, rows.size());
        for (int c = 0; c < rows.size(); c++) {
            for (int k = 0; k < nt; k++) {
                ct.set(k, c, rows.get(c)[k]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(nt, rows.size(), true, false, true);
        if (!svd.decompose(ct)) {
            throw new IllegalStateException("SVD of coupling coefficients failed for l=" + Arrays.toString(l));
        }
        double[] s = svd.getSingularValues();
        DMatrixRMaj uu = svd.getU(null, false);
        double smax = 0;
        for (double v : s) {
            smax = Math.max(smax, v);
        }
        List<double[]> basis = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            if (s[i] > Math.max(1e-10, RANK_TOL * smax)) {
                double[] row = new double[nt];
                for (int k = 0; k < nt; k++) {
                    double v = uu.get(k, i);
                    row[k] = Math.abs(v) < 1e-14 ? 0.0 : v;
                }
                basis.add(row);
            }
        }
        return new Invariants(l, classes, tuples.toArray(new int[0][]), basis.toArray(new double[0][]));
    }

    private void enumerateChains(int[] l, int[] chain, int k, List<double[][]> candidates,
                                 Map<Long, Integer> tupleIndex, List<int[]> tuples, int[] classes) {
        int nu = l.length;
        if (k == nu - 1) {
            if (chain[nu - 2] != l[nu - 1]) {
                return;
            }
            Map<Long, double[]> acc = new LinkedHashMap<>();
            int[] m = new int[nu];
            enumerateM(l, chain, m, 0, 0, 1.0, acc, classes);
            double[] re = new double[0], im = new double[0];
            List<double[]> entries = new ArrayList<>();
            for (Map.Entry<Long, double[]> e : acc.entrySet()) {
                Integer idx = tupleIndex.get(e.getKey());
                if (idx == null) {
                    idx = tuples.size();
                    tupleIndex.put(e.getKey(), idx);
                    tuples.add(decode(e.getKey(), nu));
                }
                entries.add(new double[] {idx, e.getValue()[0], e.getValue()[1]});
            }
            int n = tuples.size();
            re = new double[n];
            im = new double[n];
            for (double[] e : entries) {
                re[(int) e[0]] += e[1];
                im[(int) e[0]] += e[2];
            }
            candidates.add(new double[][] {re, im});
            return;
        }
        int prev = chain[k - 1];
        for (int lk = Math.abs(prev - l[k]); lk <= prev + l[k]; lk++) {
            chain[k] = lk;
            enumerateChains(l, chain, k + 1, candidates, tupleIndex, tuples, classes);
        }
    }

    /** Complex coupling coefficient per m-tuple, expanded into real harmonics and accumulated in acc. */
    private void enumerateM(int[] l, int[] chain, int[] m, int t, int mTot, double coeff, Map<Long, double[]> acc,
                            int[] classes) {
        int nu = l.length;
        if (t == nu - 1) {
            int mLast = -mTot;
            if (Math.abs(mLast) > l[t]) {
                return;
            }
            double c = coeff * cgCached(chain[nu - 2], mTot, l[t], mLast, 0, 0);
            if (c == 0.0) {
                return;
            }
            m[t] = mLast;
            expandReal(m, 0, c, 0.0, new int[nu], acc, classes);
            return;
        }
        for (int mt = -l[t]; mt <= l[t]; mt++) {
            int newTot = mTot + mt;
            double c = coeff;
            if (t > 0) {
                if (Math.abs(newTot) > chain[t]) {
                    continue;
                }
                c *= cgCached(chain[t - 1], mTot, l[t], mt, chain[t], newTot);
                if (c == 0.0) {
                    continue;
                }
            }
            m[t] = mt;
            enumerateM(l, chain, m, t + 1, newTot, c, acc, classes);
        }
    }

    /**
     * Complex Y_l^m = sum_m' T_(m m') Y_(l m') (real): m > 0: (-1)^m (Y_m + i Y_-m)/sqrt 2; m < 0, mu = -m:
     * (Y_mu - i Y_-mu)/sqrt 2; m = 0: Y_0.
     */
    private static void expandReal(int[] m, int t, double re, double im, int[] mr, Map<Long, double[]> acc,
                                   int[] classes) {
        if (t == m.length) {
            int[] canon = mr.clone();
            int s = 0;
            while (s < canon.length) {   // sort m within each class of identical one-particle functions
                int e = s;
                while (e + 1 < canon.length && classes[e + 1] == classes[s]) {
                    e++;
                }
                Arrays.sort(canon, s, e + 1);
                s = e + 1;
            }
            long key = encode(canon);
            double[] v = acc.computeIfAbsent(key, k -> new double[2]);
            v[0] += re;
            v[1] += im;
            return;
        }
        int mt = m[t];
        if (mt == 0) {
            mr[t] = 0;
            expandReal(m, t + 1, re, im, mr, acc, classes);
        } else if (mt > 0) {
            double sg = (mt % 2 == 0 ? 1.0 : -1.0) * INV_SQRT2;
            mr[t] = mt;                       // times sg
            expandReal(m, t + 1, re * sg, im * sg, mr, acc, classes);
            mr[t] = -mt;                      // times i sg
            expandReal(m, t + 1, -im * sg, re * sg, mr, acc, classes);
        } else {
            int mu = -mt;
            mr[t] = mu;                       // times 1/sqrt2
            expandReal(m, t + 1, re * INV_SQRT2, im * INV_SQRT2, mr, acc, classes);
            mr[t] = -mu;                      // times -i/sqrt2
            expandReal(m, t + 1, im * INV_SQRT2, -re * INV_SQRT2, mr, acc, classes);
        }
    }

    private double cgCached(int j1, int m1, int j2, int m2, int jj, int mm) {
        long key = ((((((long) j1 * 128 + (m1 + 64)) * 128 + j2) * 128 + (m2 + 64)) * 128 + jj) * 128) + (mm + 64);
        return cgCache.computeIfAbsent(key, k -> ClebschGordan.cg(j1, m1, j2, m2, jj, mm));
    }

    private static long encode(int[] m) {
        long k = 0;
        for (int v : m) {
            k = k * 128 + (v + 64);
        }
        return k;
    }

    private static int[] decode(long key, int nu) {
        int[] m = new int[nu];
        for (int t = nu - 1; t >= 0; t--) {
            m[t] = (int) (key % 128) - 64;
            key /= 128;
        }
        return m;
    }
}
