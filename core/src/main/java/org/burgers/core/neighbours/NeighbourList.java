package org.burgers.core.neighbours;

import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;

/**
 * All pairs (i, j, S) with |r_j + S.cell - r_i| below a cutoff, in compressed-row form: the pairs of atom i
 * are {@code start(i) <= p < end(i)}. Each pair carries its neighbour index, its displacement vector
 * {@code r_j + S_1 a_1 + S_2 a_2 + S_3 a_3 - r_i} and its integer image shift S relative to the positions as
 * given (not wrapped), so the vectors can be recomputed from moved positions (see {@link VerletList}).
 *
 * <p>A <em>full</em> list holds every pair from both ends; a <em>half</em> list holds each unordered pair
 * once (j > i, or j == i with the shift lexicographically positive for an atom's own images). Any cutoff
 * works, also one longer than the cell: an atom then sees several images of the same neighbour, and of
 * itself. Built in O(N) with bins in fractional coordinates, which is exact for triclinic cells because the
 * bin reach along each axis is the cutoff over the perpendicular width of the cell.
 *
 * <p>Contract with potentials: the list may contain pairs somewhat longer than a potential's cutoff (a
 * Verlet skin); a potential filters by its own cutoff.
 */
public final class NeighbourList {
    private static final double COINCIDENT = 1e-6;   // A: two atoms closer than this are the same place

    private final int natoms;
    private final double cutoff;
    private final boolean half;
    private final int[] offsets;
    private final int[] neighbours;
    private final double[] vectors;
    private final int[] shifts;   // packed image shift, see pack()

    private NeighbourList(int natoms, double cutoff, boolean half, int[] offsets, int[] neighbours,
                          double[] vectors, int[] shifts) {
        this.natoms = natoms;
        this.cutoff = cutoff;
        this.half = half;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.vectors = vectors;
        this.shifts = shifts;
    }

    /** Every pair from both ends. */
    public static NeighbourList full(Structure s, double cutoff) {
        return build(s, cutoff, false);
    }

    /** Each unordered pair once. */
    public static NeighbourList half(Structure s, double cutoff) {
        return build(s, cutoff, true);
    }

    public static NeighbourList build(Structure s, double cutoff, boolean half) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new InputException("neighbour-list cutoff must be positive and finite, got " + cutoff);
        }
        return new Builder(s, cutoff, half).run();
    }

    public int atoms() {
        return natoms;
    }

    public double cutoff() {
        return cutoff;
    }

    public boolean isHalf() {
        return half;
    }

    /** Number of stored pairs. */
    public int pairs() {
        return offsets[natoms];
    }

    public int start(int i) {
        return offsets[i];
    }

    public int end(int i) {
        return offsets[i + 1];
    }

    public int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    public int neighbour(int p) {
        return neighbours[p];
    }

    public double dx(int p) {
        return vectors[3 * p];
    }

    public double dy(int p) {
        return vectors[3 * p + 1];
    }

    public double dz(int p) {
        return vectors[3 * p + 2];
    }

    /** Component {@code axis} of the image shift of pair p. */
    public int shift(int p, int axis) {
        return unpack(shifts[p], axis);
    }

    /** Read-only views for kernels: offsets (N+1), neighbour indices, vectors (3 per pair). Do not modify. */
    public int[] offsetsView() {
        return offsets;
    }

    public int[] neighboursView() {
        return neighbours;
    }

    public double[] vectorsView() {
        return vectors;
    }

    /**
     * Packed image shift per pair (read-only view for kernels that rebuild pair vectors from positions, which
     * streams 8 bytes per pair instead of 28): component a is {@link #unpack(int, int)}; {@link #NO_SHIFT}
     * is the packed zero shift.
     */
    public int[] packedShiftsView() {
        return shifts;
    }

    /** Recompute every pair vector from new positions (same atoms, same cell, same image shifts). */
    NeighbourList withPositions(double[] positions, Cell cell) {
        double[] m = cell.matrix();
        double[] v = new double[vectors.length];
        for (int i = 0; i < natoms; i++) {
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                int j = neighbours[p];
                int s0 = unpack(shifts[p], 0), s1 = unpack(shifts[p], 1), s2 = unpack(shifts[p], 2);
                for (int d = 0; d < 3; d++) {
                    v[3 * p + d] = positions[3 * j + d] - positions[3 * i + d]
                            + s0 * m[d] + s1 * m[3 + d] + s2 * m[6 + d];
                }
            }
        }
        return new NeighbourList(natoms, cutoff, half, offsets, neighbours, v, shifts);
    }

    /** The packed value of the shift (0, 0, 0). */
    public static final int NO_SHIFT = pack(0, 0, 0);

    static int pack(int s0, int s1, int s2) {
        return ((s0 + 512) << 20) | ((s1 + 512) << 10) | (s2 + 512);
    }

    /** Component axis of a packed image shift. */
    public static int unpack(int packed, int axis) {
        return ((packed >> (10 * (2 - axis))) & 1023) - 512;
    }

    /** The binning algorithm; one instance per build. */
    private static final class Builder {
        private final Structure s;
        private final double rc;
        private final boolean half;

        Builder(Structure s, double rc, boolean half) {
            this.s = s;
            this.rc = rc;
            this.half = half;
        }

        NeighbourList run() {
            int n = s.size();
            Cell cell = s.cell();
            double[] m = cell.matrix();
            double[] frac = cell.toFractional(s.positionsView());
            int[] wrapShift = new int[3 * n];
            double[] lo = new double[3], span = new double[3];
            int[] nb = new int[3], reach = new int[3];
            boolean[] pbc = cell.pbc();
            for (int k = 0; k < 3; k++) {
                double width = cell.perpendicularWidth(k);
                if (pbc[k]) {
                    for (int i = 0; i < n; i++) {
                        double f = Math.floor(frac[3 * i + k]);
                        wrapShift[3 * i + k] = (int) f;
                        frac[3 * i + k] -= f;
                    }
                    lo[k] = 0;
                    span[k] = 1;
                } else {
                    double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        mn = Math.min(mn, frac[3 * i + k]);
                        mx = Math.max(mx, frac[3 * i + k]);
                    }
                    lo[k] = n == 0 ? 0 : mn;
                    span[k] = n == 0 || mx - mn <= 0 ? 1 : mx - mn;
                }
                // bins at least rc/2 wide across the planes, but not more bins than atoms
                double realSpan = span[k] * width;
                nb[k] = (int) Math.max(1, Math.min(Math.floor(realSpan / (0.5 * rc)), Math.cbrt(n) * 2 + 1));
                double binWidth = realSpan / nb[k];
                reach[k] = (int) Math.ceil(rc / binWidth);
                if (pbc[k] && Math.ceil(rc / width) > 500) {
                    throw new InputException("cutoff " + rc + " A needs more than 500 periodic images along axis "
                            + k + " (cell width " + width + " A)");
                }
            }
            int nbins = nb[0] * nb[1] * nb[2];
            int[] binOf = new int[n];
            int[] binStart = new int[nbins + 1];
            for (int i = 0; i < n; i++) {
                int b = 0;
                for (int k = 0; k < 3; k++) {
                    int c = (int) Math.floor((frac[3 * i + k] - lo[k]) / span[k] * nb[k]);
                    c = Math.min(Math.max(c, 0), nb[k] - 1);
                    b = b * nb[k] + c;
                }
                binOf[i] = b;
                binStart[b + 1]++;
            }
            for (int b = 0; b < nbins; b++) {
                binStart[b + 1] += binStart[b];
            }
            int[] fill = binStart.clone();
            int[] sortedAtom = new int[n];
            double[] sortedPos = new double[3 * n];   // wrapped Cartesian positions in bin order
            for (int i = 0; i < n; i++) {
                int slot = fill[binOf[i]]++;
                sortedAtom[slot] = i;
                cell.toCartesian(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2], sortedPos, 3 * slot);
            }
            double[] wrapped = new double[3 * n];
            for (int slot = 0; slot < n; slot++) {
                System.arraycopy(sortedPos, 3 * slot, wrapped, 3 * sortedAtom[slot], 3);
            }

            double rc2 = rc * rc;
            int capacity = Math.max(16, n * 64);
            int[] nbr = new int[capacity];
            double[] vec = new double[3 * capacity];
            int[] shf = new int[capacity];
            int[] offsets = new int[n + 1];
            int p = 0;
            int[] cellIdx = new int[3];
            for (int i = 0; i < n; i++) {
                int b = binOf[i];
                cellIdx[2] = b % nb[2];
                cellIdx[1] = (b / nb[2]) % nb[1];
                cellIdx[0] = b / (nb[1] * nb[2]);
                double xi = wrapped[3 * i], yi = wrapped[3 * i + 1], zi = wrapped[3 * i + 2];
                for (int d0 = -reach[0]; d0 <= reach[0]; d0++) {
                    int c0 = cellIdx[0] + d0;
                    int i0 = pbc[0] ? Math.floorDiv(c0, nb[0]) : 0;
                    c0 -= i0 * nb[0];
                    if (c0 < 0 || c0 >= nb[0]) {
                        continue;
                    }
                    for (int d1 = -reach[1]; d1 <= reach[1]; d1++) {
                        int c1 = cellIdx[1] + d1;
                        int i1 = pbc[1] ? Math.floorDiv(c1, nb[1]) : 0;
                        c1 -= i1 * nb[1];
                        if (c1 < 0 || c1 >= nb[1]) {
                            continue;
                        }
                        for (int e2 = -reach[2]; e2 <= reach[2]; e2++) {
                            int c2 = cellIdx[2] + e2;
                            int i2 = pbc[2] ? Math.floorDiv(c2, nb[2]) : 0;
                            c2 -= i2 * nb[2];
                            if (c2 < 0 || c2 >= nb[2]) {
                                continue;
                            }
                            double tx = i0 * m[0] + i1 * m[3] + i2 * m[6] - xi;
                            double ty = i0 * m[1] + i1 * m[4] + i2 * m[7] - yi;
                            double tz = i0 * m[2] + i1 * m[5] + i2 * m[8] - zi;
                            int bin = (c0 * nb[1] + c1) * nb[2] + c2;
                            for (int slot = binStart[bin]; slot < binStart[bin + 1]; slot++) {
                                double dx = sortedPos[3 * slot] + tx;
                                double dy = sortedPos[3 * slot + 1] + ty;
                                double dz = sortedPos[3 * slot + 2] + tz;
                                double d2 = dx * dx + dy * dy + dz * dz;
                                if (d2 >= rc2) {
                                    continue;
                                }
                                int j = sortedAtom[slot];
                                if (j == i && i0 == 0 && i1 == 0 && i2 == 0) {
                                    continue;
                                }
                                // image shift relative to the positions as given
                                int s0 = i0 + wrapShift[3 * i] - wrapShift[3 * j];
                                int s1 = i1 + wrapShift[3 * i + 1] - wrapShift[3 * j + 1];
                                int s2 = i2 + wrapShift[3 * i + 2] - wrapShift[3 * j + 2];
                                if (half && !(j > i || (j == i && positive(s0, s1, s2)))) {
                                    continue;
                                }
                                if (d2 < COINCIDENT * COINCIDENT) {
                                    throw new InputException("atoms " + i + " and " + j
                                            + " are at the same position (distance " + Math.sqrt(d2) + " A)");
                                }
                                if (Math.abs(s0) > 511 || Math.abs(s1) > 511 || Math.abs(s2) > 511) {
                                    throw new InputException("atom " + j + " is more than 511 cells away from atom "
                                            + i + "; wrap the structure first");
                                }
                                if (p == nbr.length) {
                                    int cap = nbr.length + (nbr.length >> 1) + 16;
                                    nbr = java.util.Arrays.copyOf(nbr, cap);
                                    shf = java.util.Arrays.copyOf(shf, cap);
                                    vec = java.util.Arrays.copyOf(vec, 3 * cap);
                                }
                                nbr[p] = j;
                                shf[p] = pack(s0, s1, s2);
                                vec[3 * p] = dx;
                                vec[3 * p + 1] = dy;
                                vec[3 * p + 2] = dz;
                                p++;
                            }
                        }
                    }
                }
                offsets[i + 1] = p;
            }
            return new NeighbourList(n, rc, half, offsets, java.util.Arrays.copyOf(nbr, p),
                    java.util.Arrays.copyOf(vec, 3 * p), java.util.Arrays.copyOf(shf, p));
        }

        private static boolean positive(int s0, int s1, int s2) {
            return s0 > 0 || (s0 == 0 && (s1 > 0 || (s1 == 0 && s2 > 0)));
        }
    }
}
