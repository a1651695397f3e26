package org.burgers.core.stencil;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * The finite-difference stencil of paper (A.1)-(A.2) on a reference structure (perfect lattice sites,
 * usually periodic): for every site l the nearest-neighbour set N(l) of the sites whose Voronoi cells share
 * a face with that of l, each with its periodic image shift and reference bond vector rho = m + S.cell - l.
 * {@code D_rho v(l) = v(l + rho) - v(l)}; {@code |Dv(l)|_N^2 = sum_{rho in N(l) - l} |D_rho v(l)|^2};
 * {@code ||Dv||_l2^2 = sum_l |Dv(l)|_N^2}.
 *
 * <p>The sets are computed from the geometry (never hard-coded), see {@link VoronoiFaces}; sites with the
 * same environment of candidate vectors (every site of one sublattice of a perfect crystal) share one
 * Voronoi computation, so building the stencil of a 10^5-site cell costs about one neighbour list.
 * Immutable.
 */
public final class Stencil {
    /** Largest candidate radius in units of the nearest-neighbour distance before giving up on closing a cell. */
    private static final double MAX_RADIUS = 4.0;

    private final int sites;
    private final int[] offsets;
    private final int[] neighbours;
    private final int[] shifts;     // 3 per entry
    private final double[] rho;     // 3 per entry

    private Stencil(int sites, int[] offsets, int[] neighbours, int[] shifts, double[] rho) {
        this.sites = sites;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.shifts = shifts;
        this.rho = rho;
    }

    /** The Voronoi nearest-neighbour stencil of every site of the reference structure. */
    public static Stencil voronoi(Structure reference) {
        int n = reference.size();
        if (n == 0) {
            throw new InputException("the stencil reference structure has no atoms");
        }
        double perAtom = Math.cbrt(reference.cell().volume() / n);
        double r = 2.0 * perAtom;
        for (int attempt = 0; attempt < 8; attempt++) {
            NeighbourList list = NeighbourList.full(reference, r);
            double nearest = Double.POSITIVE_INFINITY;
            for (int p = 0; p < list.pairs(); p++) {
                nearest = Math.min(nearest, Math.sqrt(list.dx(p) * list.dx(p) + list.dy(p) * list.dy(p)
                        + list.dz(p) * list.dz(p)));
            }
            if (!Double.isFinite(nearest)) {
                r *= 1.5;
                continue;
            }
            double limit = MAX_RADIUS * 2 * nearest;
            Attempt at = tryBuild(reference, list, r, limit);
            if (at.stencil() != null) {
                return at.stencil();
            }
            r = Math.min(at.needed(), limit) * (1 + 1e-6) + 1e-9;
        }
        throw new InputException("could not close the Voronoi cells of the stencil reference structure");
    }

    /**
     * Every neighbour within {@code cutoff} of each site (over all periodic images), in neighbour-list order.
     * For a lattice whose Voronoi neighbours are exactly the shells inside the cutoff (bcc: the 8 + 6 of the
     * first two shells, cutoff between a and a sqrt(2)) this is the Voronoi stencil of the perfect lattice
     * restricted to the sites present: for a site set with a hole (a prismatic loop's removed disc) it keeps the
     * lattice's nearest-neighbour sets instead of the Voronoi cells of the defective set, which reach across the
     * hole and would need far more candidates (and time) to close.
     */
    public static Stencil withinCutoff(Structure reference, double cutoff) {
        int n = reference.size();
        if (n == 0) {
            throw new InputException("the stencil reference structure has no atoms");
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new InputException("stencil cutoff must be positive, got " + cutoff);
        }
        NeighbourList list = NeighbourList.full(reference, cutoff);
        int m = list.pairs();
        int[] offsets = new int[n + 1];
        int[] nb = new int[m];
        int[] sh = new int[3 * m];
        double[] rv = new double[3 * m];
        int q = 0;
        for (int l = 0; l < n; l++) {
            for (int p = list.start(l); p < list.start(l) + list.count(l); p++) {
                nb[q] = list.neighbour(p);
                for (int a = 0; a < 3; a++) {
                    sh[3 * q + a] = list.shift(p, a);
                }
                rv[3 * q] = list.dx(p);
                rv[3 * q + 1] = list.dy(p);
                rv[3 * q + 2] = list.dz(p);
                q++;
            }
            offsets[l + 1] = q;
        }
        return new Stencil(n, offsets, nb, sh, rv);
    }

    /** The stencil, or (when null) the candidate radius some cell needs. */
    private record Attempt(Stencil stencil, double needed) {
    }

    /**
     * One pass with candidates within r; fails if some cell needs a larger candidate radius: a site farther
     * than twice the circumradius of a Voronoi cell cannot share a face with it.
     */
    private static Attempt tryBuild(Structure ref, NeighbourList list, double r, double limit) {
        int n = ref.size();
        Map<String, boolean[]> cache = new HashMap<>();
        int[] offsets = new int[n + 1];
        int cap = 16 * n;
        int[] nb = new int[cap];
        int[] sh = new int[3 * cap];
        double[] rv = new double[3 * cap];
        int q = 0;
        double worstNeed = 0;
        for (int l = 0; l < n; l++) {
            int start = list.start(l), count = list.count(l);
            Integer[] order = new Integer[count];
            for (int k = 0; k < count; k++) {
                order[k] = start + k;
            }
            // canonical order of the candidate vectors so equal environments give equal keys
            Arrays.sort(order, (a, b) -> compareVec(list, a, b));
            double[] cand = new double[3 * count];
            StringBuilder key = new StringBuilder();
            for (int k = 0; k < count; k++) {
                int p = order[k];
                cand[3 * k] = list.dx(p);
                cand[3 * k + 1] = list.dy(p);
                cand[3 * k + 2] = list.dz(p);
                key.append(Math.round(list.dx(p) * 1e6)).append(',').append(Math.round(list.dy(p) * 1e6)).append(',')
                        .append(Math.round(list.dz(p) * 1e6)).append(';');
            }
            String k0 = key.toString();
            boolean[] face = cache.get(k0);
            if (face == null) {
                VoronoiFaces.Cell cell = VoronoiFaces.compute(cand, count, 4 * limit);
                double need = 2 * cell.circumradius();
                if (need > r * (1 - 1e-9) && r < limit) {
                    worstNeed = Math.max(worstNeed, need);
                    continue;
                }
                face = cell.face();
                cache.put(k0, face);
            }
            for (int k = 0; k < count; k++) {
                if (!face[k]) {
                    continue;
                }
                if (q == nb.length) {
                    int c2 = nb.length * 2;
                    nb = Arrays.copyOf(nb, c2);
                    sh = Arrays.copyOf(sh, 3 * c2);
                    rv = Arrays.copyOf(rv, 3 * c2);
                }
                int p = order[k];
                nb[q] = list.neighbour(p);
                for (int a = 0; a < 3; a++) {
                    sh[3 * q + a] = list.shift(p, a);
                    rv[3 * q + a] = cand[3 * k + a];
                }
                q++;
            }
            offsets[l + 1] = q;
        }
        if (worstNeed > 0) {
            return new Attempt(null, worstNeed);
        }
        return new Attempt(new Stencil(n, offsets, Arrays.copyOf(nb, q), Arrays.copyOf(sh, 3 * q),
                Arrays.copyOf(rv, 3 * q)), 0);
    }

    private static int compareVec(NeighbourList list, int a, int b) {
        int c = Long.compare(Math.round(list.dx(a) * 1e6), Math.round(list.dx(b) * 1e6));
        if (c == 0) {
            c = Long.compare(Math.round(list.dy(a) * 1e6), Math.round(list.dy(b) * 1e6));
        }
        if (c == 0) {
            c = Long.compare(Math.round(list.dz(a) * 1e6), Math.round(list.dz(b) * 1e6));
        }
        return c;
    }

    public int sites() {
        return sites;
    }

    /** |N(l)|: the number of stencil neighbours of site l. */
    public int count(int l) {
        return offsets[l + 1] - offsets[l];
    }

    /** Index of the k-th stencil neighbour of site l. */
    public int neighbour(int l, int k) {
        return neighbours[offsets[l] + k];
    }

    /** Image shift (along lattice vector axis) of the k-th stencil neighbour of l. */
    public int shift(int l, int k, int axis) {
        return shifts[3 * (offsets[l] + k) + axis];
    }

    /** The reference bond vector rho of the k-th stencil neighbour of l (a copy). */
    public double[] rho(int l, int k) {
        int e = offsets[l] + k;
        return new double[] {rho[3 * e], rho[3 * e + 1], rho[3 * e + 2]};
    }

    /** D_rho v(l) for every rho in N(l) - l, flat (3 per neighbour), for a displacement field v (3N). */
    public double[] differences(double[] v, int l) {
        check(v);
        double[] d = new double[3 * count(l)];
        for (int e = offsets[l], k = 0; e < offsets[l + 1]; e++, k++) {
            int m = neighbours[e];
            for (int a = 0; a < 3; a++) {
                d[3 * k + a] = v[3 * m + a] - v[3 * l + a];
            }
        }
        return d;
    }

    /**
     * D_rho y(l) = y(m) + S . cell(y) - y(l) for a configuration y of the same atoms (matched by index): the
     * bond vectors of the deformed stencil, with the periodic image of each neighbour given by the stencil's
     * shift S applied to y's own cell (so a homogeneously deformed lattice y = F x gives F rho). The atoms of
     * y must not be re-wrapped relative to the reference (use {@link GeometryError} for differences of two
     * configurations, which is insensitive to wrapping).
     */
    public double[] differences(Structure y, int l) {
        if (y.size() != sites) {
            throw new InputException("configuration has " + y.size() + " atoms, the stencil " + sites + " sites");
        }
        double[] x = y.positionsView();
        double[] t = new double[3];
        double[] d = new double[3 * count(l)];
        for (int e = offsets[l], k = 0; e < offsets[l + 1]; e++, k++) {
            int m = neighbours[e];
            y.cell().toCartesian(shifts[3 * e], shifts[3 * e + 1], shifts[3 * e + 2], t, 0);
            for (int a = 0; a < 3; a++) {
                d[3 * k + a] = x[3 * m + a] + t[a] - x[3 * l + a];
            }
        }
        return d;
    }

    /** |Dv(l)|_N^2. */
    public double siteNormSquared(double[] v, int l) {
        double s = 0;
        for (int e = offsets[l]; e < offsets[l + 1]; e++) {
            int m = neighbours[e];
            for (int a = 0; a < 3; a++) {
                double d = v[3 * m + a] - v[3 * l + a];
                s += d * d;
            }
        }
        return s;
    }

    /** ||Dv||_l2 over all sites (A.1). */
    public double norm(double[] v) {
        check(v);
        double s = 0;
        for (int l = 0; l < sites; l++) {
            s += siteNormSquared(v, l);
        }
        return Math.sqrt(s);
    }

    /** ||Dv||_l2 over a subset of sites (each listed once). */
    public double norm(double[] v, int[] subset) {
        check(v);
        double s = 0;
        for (int l : subset) {
            if (l < 0 || l >= sites) {
                throw new InputException("stencil site " + l + " out of range (0.." + (sites - 1) + ")");
            }
            s += siteNormSquared(v, l);
        }
        return Math.sqrt(s);
    }

    private void check(double[] v) {
        if (v.length != 3 * sites) {
            throw new InputException("displacement field has " + v.length + " numbers for " + sites + " sites");
        }
    }
}
