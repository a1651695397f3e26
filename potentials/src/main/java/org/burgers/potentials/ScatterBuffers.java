package org.burgers.potentials;

import org.burgers.core.potential.Partition;

/**
 * Per-chunk accumulators for kernels on a half neighbour list, sized to what each chunk can touch: a half
 * list only pairs i with j &gt;= i, so chunk c (atoms [lo_c, hi_c)) writes to atoms [lo_c, top_c) with top_c
 * one past its largest neighbour index. For spatially ordered atoms only the chunk holding the pairs that
 * wrap around the periodic boundary spans all atoms; the others are little larger than the chunk, so the
 * buffers cost about 2 N instead of {@link Chunks#COUNT} N values to clear and to sum. Sums are taken in chunk
 * order, so results stay identical for any thread count.
 */
public final class ScatterBuffers {
    private final int n;
    private final int width;
    private final int[] lo;
    private final int[] top;
    private final double[][] buf;

    private ScatterBuffers(int n, int width, int[] lo, int[] top) {
        this.n = n;
        this.width = width;
        this.lo = lo;
        this.top = top;
        this.buf = new double[Chunks.COUNT][];
        for (int c = 0; c < Chunks.COUNT; c++) {
            buf[c] = new double[width * (top[c] - lo[c])];
        }
    }

    /** The atom ranges of the chunks for a half list (offsets, neighbour indices) of n atoms. */
    public static int[][] ranges(int n, int[] off, int[] nbr) {
        Partition part = Chunks.partition(false, n);
        int[] lo = new int[Chunks.COUNT];
        int[] top = new int[Chunks.COUNT];
        for (int c = 0; c < Chunks.COUNT; c++) {
            lo[c] = part.lo(c, n);
            int hi = part.lo(c + 1, n);
            int t = hi;
            for (int p = off[lo[c]]; p < off[hi]; p++) {
                t = Math.max(t, nbr[p] + 1);
            }
            top[c] = t;
        }
        return new int[][] {lo, top};
    }

    /** Zeroed buffers of width values per atom over the given ranges. */
    public static ScatterBuffers of(int n, int width, int[][] ranges) {
        return new ScatterBuffers(n, width, ranges[0], ranges[1]);
    }

    /** The buffer of chunk c; atom k's values start at width * (k - base(c)). */
    public double[] buffer(int c) {
        return buf[c];
    }

    public int base(int c) {
        return lo[c];
    }

    /** out[width*k + d] += sum over chunks c (in order) of chunk c's value for atom k. */
    public void reduceInto(boolean parallel, double[] out) {
        Partition part = new Partition(Chunks.COUNT, parallel);
        part.run(r -> {
            int a = part.lo(r, n), b = part.lo(r + 1, n);
            for (int c = 0; c < Chunks.COUNT; c++) {
                int from = Math.max(a, lo[c]), to = Math.min(b, top[c]);
                double[] bc = buf[c];
                int shift = width * lo[c];
                for (int k = width * from; k < width * to; k++) {
                    out[k] += bc[k - shift];
                }
            }
        });
    }
}
