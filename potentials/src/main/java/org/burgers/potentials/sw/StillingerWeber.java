package org.burgers.potentials.sw;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.LocalFiniteDifferenceHessian;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.Chunks;

/**
 * Stillinger-Weber (Phys. Rev. B 31, 5262 (1985)) as LAMMPS' {@code pair_style sw} evaluates it:
 * <pre>
 * E = sum_{i<j} phi2(r_ij) + sum_i sum_{j<k} phi3(r_ij, r_ik, theta_jik)
 * phi2 = A eps [B (sigma/r)^p - (sigma/r)^q] exp(sigma / (r - a sigma))
 * phi3 = lambda eps (cos theta - cos theta0)^2 exp(gamma sigma/(r_ij - a sigma)) exp(gamma sigma/(r_ik - a sigma))
 * </pre>
 * Analytic forces and virial on a full list; the Hessian by {@link LocalFiniteDifferenceHessian}.
 */
public final class StillingerWeber implements Potential {
    private final String source;
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> species;
    private final int ne;
    private final SwParameters[] params;
    private final double cutmax;
    private final boolean parallel;

    public StillingerWeber(String source, List<String> elements, SwParameters[] params, boolean parallel) {
        this.source = source;
        this.ne = elements.size();
        for (int e = 0; e < ne; e++) {
            index.put(elements.get(e), e);
        }
        this.species = Collections.unmodifiableSet(new LinkedHashSet<>(elements));
        this.params = params.clone();
        double c = 0;
        for (SwParameters p : params) {
            c = Math.max(c, p.cut());
        }
        this.cutmax = c;
        this.parallel = parallel;
    }

    public String source() {
        return source;
    }

    @Override
    public double cutoff() {
        return cutmax;
    }

    @Override
    public Set<String> species() {
        return species;
    }

    @Override
    public boolean wantsHalfList() {
        return false;
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
        checkList(nl);
        checkSpecies(s);
        int n = s.size();
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = index.get(s.element(i).symbol());
        }
        Evaluation e = Chunks.evaluate(parallel, n, req.siteEnergies(),
                (lo, hi, f, w, site) -> chunk(lo, hi, type, nl, f, w, site));
        return req.hessian() ? e.withHessian(LocalFiniteDifferenceHessian.compute(this, s)) : e;
    }

    private void chunk(int lo, int hi, int[] type, NeighbourList nl, double[] f, double[] w, double[] site) {
        int[] off = nl.offsetsView();
        int[] nbr = nl.neighboursView();
        double[] v = nl.vectorsView();
        for (int i = lo; i < hi; i++) {
            int ti = type[i];
            double ei = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                int j = nbr[p];
                SwParameters pij = params[(ti * ne + type[j]) * ne + type[j]];
                double dx = v[3 * p], dy = v[3 * p + 1], dz = v[3 * p + 2];
                double r1 = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r1 >= pij.cut()) {
                    continue;
                }
                // two-body, half per ordered pair
                double sr = pij.sigma() / r1;
                double bp = pij.bigB() * Math.pow(sr, pij.p()), bq = Math.pow(sr, pij.q());
                double ra = 1.0 / (r1 - pij.cut());
                double ex = Math.exp(pij.sigma() * ra);
                double ae = pij.bigA() * pij.epsilon();
                double phi2 = ae * (bp - bq) * ex;
                double dphi2 = ae * (-pij.p() * bp + pij.q() * bq) / r1 * ex - phi2 * pij.sigma() * ra * ra;
                ei += 0.5 * phi2;
                double ux = dx / r1, uy = dy / r1, uz = dz / r1;
                apply(f, w, i, j, dx, dy, dz, 0.5 * dphi2 * ux, 0.5 * dphi2 * uy, 0.5 * dphi2 * uz);
                // three-body with every later neighbour k of i
                double gs1 = pij.gamma() * pij.sigma() * ra;
                double e1 = Math.exp(gs1);
                double de1 = -e1 * gs1 * ra;      // d e1 / d r1
                for (int q = p + 1; q < off[i + 1]; q++) {
                    int k = nbr[q];
                    SwParameters pik = params[(ti * ne + type[k]) * ne + type[k]];
                    double ex2 = v[3 * q], ey2 = v[3 * q + 1], ez2 = v[3 * q + 2];
                    double r2 = Math.sqrt(ex2 * ex2 + ey2 * ey2 + ez2 * ez2);
                    if (r2 >= pik.cut()) {
                        continue;
                    }
                    SwParameters pijk = params[(ti * ne + type[j]) * ne + type[k]];
                    double wx = ex2 / r2, wy = ey2 / r2, wz = ez2 / r2;
                    double cos = ux * wx + uy * wy + uz * wz;
                    double rb = 1.0 / (r2 - pik.cut());
                    double gs2 = pik.gamma() * pik.sigma() * rb;
                    double e2 = Math.exp(gs2);
                    double de2 = -e2 * gs2 * rb;
                    double le = pijk.lambda() * pijk.epsilon();
                    double dc = cos - pijk.cosTheta0();
                    ei += le * dc * dc * e1 * e2;
                    double dR1 = le * dc * dc * de1 * e2;
                    double dR2 = le * dc * dc * e1 * de2;
                    double dCos = 2 * le * dc * e1 * e2;
                    apply(f, w, i, j, dx, dy, dz,
                            dR1 * ux + dCos * (wx - cos * ux) / r1,
                            dR1 * uy + dCos * (wy - cos * uy) / r1,
                            dR1 * uz + dCos * (wz - cos * uz) / r1);
                    apply(f, w, i, k, ex2, ey2, ez2,
                            dR2 * wx + dCos * (ux - cos * wx) / r2,
                            dR2 * wy + dCos * (uy - cos * wy) / r2,
                            dR2 * wz + dCos * (uz - cos * wz) / r2);
                }
            }
            site[i] = ei;
        }
    }

    /** Gradient g = dE/dd of the bond d = r_j - r_i: -g on j, +g on i, W -= d (x) g. */
    private static void apply(double[] f, double[] w, int i, int j, double dx, double dy, double dz, double gx,
                              double gy, double gz) {
        f[3 * j] -= gx;
        f[3 * j + 1] -= gy;
        f[3 * j + 2] -= gz;
        f[3 * i] += gx;
        f[3 * i + 1] += gy;
        f[3 * i + 2] += gz;
        w[0] -= dx * gx;
        w[1] -= dx * gy;
        w[2] -= dx * gz;
        w[3] -= dy * gx;
        w[4] -= dy * gy;
        w[5] -= dy * gz;
        w[6] -= dz * gx;
        w[7] -= dz * gy;
        w[8] -= dz * gz;
    }
}
