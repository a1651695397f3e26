package org.burgers.core.neighbours;

import java.util.Arrays;
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
    // The image shifts are not stored: S = (vector - (x_j - x_i)) . cell^-1 is an integer vector that is
    // recomputed on demand from the positions the list was built (or updated) for. This saves an array and
    // the per-pair bookkeeping of the build, the hot path (NeighbourListBenchmark).
    private final double[] positions;   // the structure's own (immutable) array, not a copy
    private final Cell cell;
    // Packed image shifts, computed on first request (kernels that rebuild pair vectors from positions stream
    // these 4 bytes per pair instead of 24 bytes of vectors) and carried over by withPositions.
    private volatile int[] packedShifts;
    private final double[] inverse;     // cell^-1, row-major: s = r . inverse

    private NeighbourList(int natoms, double cutoff, boolean half, int[] offsets, int[] neighbours,
                          double[] vectors, double[] positions, Cell cell) {
        this.natoms = natoms;
        this.cutoff = cutoff;
        this.half = half;
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.vectors = vectors;
        this.positions = positions;
        this.cell = cell;
        this.inverse = new double[9];
        for (int r = 0; r < 3; r++) {
            cell.toFractional(r == 0 ? 1 : 0, r == 1 ? 1 : 0, r == 2 ? 1 : 0, inverse, 3 * r);
        }
    }

    /** The packed value of the shift (0, 0, 0). */
    public static final int NO_SHIFT = pack(0, 0, 0);

    static int pack(int s0, int s1, int s2) {
        return ((s0 + 512) << 20) | ((s1 + 512) << 10) | (s2 + 512);
    }

    /** Component axis of a packed image shift (each component in [-512, 511]). */
    public static int unpack(int packed, int axis) {
        return ((packed >> (10 * (2 - axis))) & 1023) - 512;
    }

    /**
     * Packed image shift per pair (read-only view for kernels that rebuild pair vectors from positions):
     * component a is {@link #unpack(int, int)}; {@link #NO_SHIFT} is the packed zero shift. Computed once per
     * list on first use.
     */
    public int[] packedShiftsView() {
        int[] s = packedShifts;
        if (s == null) {
            s = new int[offsets[natoms]];
            double[] f = new double[3];
            for (int i = 0; i < natoms; i++) {
                for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                    imageOf(p, i, neighbours[p], f);
                    if (Math.abs(f[0]) > 511 || Math.abs(f[1]) > 511 || Math.abs(f[2]) > 511) {
                        throw new InputException("atom " + neighbours[p] + " is more than 511 cells away from atom "
                                + i + "; wrap the structure first");
                    }
                    s[p] = pack((int) Math.rint(f[0]), (int) Math.rint(f[1]), (int) Math.rint(f[2]));
                }
            }
            packedShifts = s;
        }
        return s;
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
        int i = owner(p), j = neighbours[p];
        double x = vectors[3 * p] - positions[3 * j] + positions[3 * i];
        double y = vectors[3 * p + 1] - positions[3 * j + 1] + positions[3 * i + 1];
        double z = vectors[3 * p + 2] - positions[3 * j + 2] + positions[3 * i + 2];
        return (int) Math.rint(x * inverse[axis] + y * inverse[3 + axis] + z * inverse[6 + axis]);
    }

    /** Fractional image shift (before rounding) of pair p = (i, j) into f. */
    private void imageOf(int p, int i, int j, double[] f) {
        cell.toFractional(vectors[3 * p] - positions[3 * j] + positions[3 * i],
                vectors[3 * p + 1] - positions[3 * j + 1] + positions[3 * i + 1],
                vectors[3 * p + 2] - positions[3 * j + 2] + positions[3 * i + 2], f, 0);
    }

    /** The atom i with start(i) <= p < end(i) (binary search over the offsets). */
    private int owner(int p) {
        if (p < 0 || p >= offsets[natoms]) {
            throw new IndexOutOfBoundsException("pair " + p + " of " + offsets[natoms]);
        }
        int lo = 0, hi = natoms - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
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
     * Recompute every pair vector from new positions (same atoms, same cell, same image shifts).
     * {@code newPositions} must be a structure's own immutable array (it is kept, not copied).
     */
    NeighbourList withPositions(double[] newPositions, Cell newCell) {
        double[] m = newCell.matrix();
        double[] v = new double[vectors.length];
        int[] shifts = packedShiftsView();
        for (int i = 0; i < natoms; i++) {
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                int j = neighbours[p];
                int s0 = unpack(shifts[p], 0), s1 = unpack(shifts[p], 1), s2 = unpack(shifts[p], 2);
                for (int d = 0; d < 3; d++) {
                    v[3 * p + d] = newPositions[3 * j + d] - newPositions[3 * i + d]
                            + s0 * m[d] + s1 * m[3 + d] + s2 * m[6 + d];
                }
            }
        }
        NeighbourList moved = new NeighbourList(natoms, cutoff, half, offsets, neighbours, v, newPositions, newCell);
        moved.packedShifts = shifts;
        return moved;
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
            double[] lo = new double[3], span = new double[3];
            int[] nb = new int[3], reach = new int[3];
            boolean[] pbc = cell.pbc();
            for (int k = 0; k < 3; k++) {
                double width = cell.perpendicularWidth(k);
                if (pbc[k]) {
                    for (int i = 0; i < n; i++) {
                        frac[3 * i + k] -= Math.floor(frac[3 * i + k]);
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
            // presize from the density (exact enough for periodic crystals; grown if short, trimmed at the end)
            double volume = 1;
            for (int k = 0; k < 3; k++) {
                volume *= pbc[k] ? 1 : span[k];
            }
            volume *= cell.volume();
            double expected = (double) n * n / Math.max(volume, 1e-30) * (4.0 / 3.0) * Math.PI * rc * rc * rc
                    * (half ? 0.5 : 1.0);
            int capacity = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(64, 1.05 * expected + 64));
            int[] nbr = new int[capacity];
            double[] vec = new double[3 * capacity];
            int[] offsets = new int[n + 1];
            int p = 0;
            // per axis, for every bin coordinate c - reach .. c + reach around a home bin: the wrapped bin
            // coordinate (or -1 outside a non-periodic box) and the periodic image it lies in; table lookups
            // instead of floorDiv in the per-atom loops
            int[][] wrapBin = new int[3][], image = new int[3][];
            for (int k = 0; k < 3; k++) {
                wrapBin[k] = new int[nb[k] + 2 * reach[k]];
                image[k] = new int[nb[k] + 2 * reach[k]];
                for (int c = -reach[k]; c < nb[k] + reach[k]; c++) {
                    int im = pbc[k] ? Math.floorDiv(c, nb[k]) : 0;
                    int w = c - im * nb[k];
                    wrapBin[k][c + reach[k]] = w >= 0 && w < nb[k] ? w : -1;
                    image[k][c + reach[k]] = im;
                }
            }
            int[] wb0 = wrapBin[0], wb1 = wrapBin[1], im0 = image[0], im1 = image[1];
            int nb1 = nb[1], nb2 = nb[2];
            // Along axis 2 the bins of one row are contiguous in sortedPos, so the 2 reach + 1 bins around a
            // home bin collapse into one run of slots per periodic image (two where the range wraps): one short
            // loop instead of 2 reach + 1 loops of ~1.5 atoms each (fewer loop exits mispredicted).
            int[] runOffset = new int[nb2 + 1];
            int[] runImage = new int[nb2 * (2 * reach[2] + 1)];
            int[] runLo = new int[runImage.length], runHi = new int[runImage.length];
            int runs = 0;
            for (int c = 0; c < nb2; c++) {
                int last = Integer.MIN_VALUE;
                for (int t2 = c; t2 <= c + 2 * reach[2]; t2++) {
                    int w = wrapBin[2][t2];
                    if (w < 0) {
                        continue;
                    }
                    if (last != Integer.MIN_VALUE && image[2][t2] == runImage[runs - 1] && w == last + 1) {
                        runHi[runs - 1] = w;
                    } else {
                        runImage[runs] = image[2][t2];
                        runLo[runs] = w;
                        runHi[runs] = w;
                        runs++;
                    }
                    last = w;
                }
                runOffset[c + 1] = runs;
            }
            for (int i = 0; i < n; i++) {
                int b = binOf[i];
                int ci2 = b % nb2;
                int ci1 = (b / nb2) % nb1;
                int ci0 = b / (nb1 * nb2);
                double xi = wrapped[3 * i], yi = wrapped[3 * i + 1], zi = wrapped[3 * i + 2];
                // ci + d + reach runs over 0 .. 2 reach + ci, inside the tables
                for (int t0 = ci0; t0 <= ci0 + 2 * reach[0]; t0++) {
                    int c0 = wb0[t0];
                    if (c0 < 0) {
                        continue;
                    }
                    int i0 = im0[t0];
                    for (int t1 = ci1; t1 <= ci1 + 2 * reach[1]; t1++) {
                        int c1 = wb1[t1];
                        if (c1 < 0) {
                            continue;
                        }
                        int i1 = im1[t1];
                        double ux = i0 * m[0] + i1 * m[3] - xi;
                        double uy = i0 * m[1] + i1 * m[4] - yi;
                        double uz = i0 * m[2] + i1 * m[5] - zi;
                        int row = (c0 * nb1 + c1) * nb2;
                        for (int r = runOffset[ci2]; r < runOffset[ci2 + 1]; r++) {
                            int i2 = runImage[r];
                            double tx = ux + i2 * m[6], ty = uy + i2 * m[7], tz = uz + i2 * m[8];
                            int end = binStart[row + runHi[r] + 1];
                            for (int slot = binStart[row + runLo[r]]; slot < end; slot++) {
                                int j = sortedAtom[slot];
                                if (half && j < i) {
                                    continue;   // each unordered pair once: skip before the distance
                                }
                                double dx = sortedPos[3 * slot] + tx;
                                double dy = sortedPos[3 * slot + 1] + ty;
                                double dz = sortedPos[3 * slot + 2] + tz;
                                double d2 = dx * dx + dy * dy + dz * dz;
                                if (d2 >= rc2) {
                                    continue;
                                }
                                if (half && j == i && !positive(i0, i1, i2)) {
                                    continue;
                                }
                                if (d2 < COINCIDENT * COINCIDENT) {
                                    if (j == i && i0 == 0 && i1 == 0 && i2 == 0) {
                                        continue;   // the atom itself
                                    }
                                    throw new CoincidentAtomsException(i, j, Math.sqrt(d2));
                                }
                                if (p == nbr.length) {
                                    int cap = nbr.length + (nbr.length >> 1) + 16;
                                    nbr = Arrays.copyOf(nbr, cap);
                                    vec = Arrays.copyOf(vec, 3 * cap);
                                }
                                nbr[p] = j;
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
            return new NeighbourList(n, rc, half, offsets, p == nbr.length ? nbr : Arrays.copyOf(nbr, p),
                    3 * p == vec.length ? vec : Arrays.copyOf(vec, 3 * p), s.positionsView(), cell);
        }

        /**
         * Whether an image S of an atom itself is lexicographically positive (a half list keeps one of each
         * +-S pair). For j == i the wrapping of the two ends cancels, so S is the bin image itself.
         */
        private static boolean positive(int s0, int s1, int s2) {
            return s0 > 0 || (s0 == 0 && (s1 > 0 || (s1 == 0 && s2 > 0)));
        }

    }
}
