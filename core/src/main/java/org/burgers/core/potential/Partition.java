package org.burgers.core.potential;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed split of a range of n indices (sites, or the entries of a buffer) into {@code chunks} contiguous
 * chunks, chunk c being [n c / chunks, n (c + 1) / chunks), and whether the chunks run on the common fork-join
 * pool. Kernels give each chunk its own accumulators and sum them in chunk order, so the floating-point
 * operations and their order depend on the number of chunks only, never on the number of threads.
 */
public record Partition(int chunks, boolean parallel) {

    public Partition {
        if (chunks < 1) {
            throw new IllegalArgumentException("a partition needs at least one chunk, not " + chunks);
        }
    }

    /** Always {@code chunks} chunks; forked when allowed and n is at least forkFrom (forking costs below). */
    public static Partition fixed(int chunks, boolean allowed, int n, int forkFrom) {
        return new Partition(chunks, allowed && n >= forkFrom);
    }

    /** About n / minChunk chunks (1 to maxChunks); forked when allowed and there is more than one. */
    public static Partition bySize(int maxChunks, int minChunk, boolean allowed, int n) {
        int c = Math.max(1, Math.min(maxChunks, n / minChunk));
        return new Partition(c, allowed && c > 1);
    }

    /** First index of chunk c of n. */
    public int lo(int c, int n) {
        return (int) ((long) n * c / chunks);
    }

    /** Runs body(c) for every chunk c, on the fork-join pool when {@link #parallel()}. */
    public void run(IntConsumer body) {
        if (parallel) {
            IntStream.range(0, chunks).parallel().forEach(body);
        } else {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
        }
    }

    /** out[k] += bufs[0][k] + bufs[1][k] + ... in buffer order, for every k; the index range split into chunks. */
    public void reduce(double[][] bufs, double[] out) {
        int n = out.length;
        run(c -> {
            int a = lo(c, n), b = lo(c + 1, n);
            for (double[] buf : bufs) {
                for (int k = a; k < b; k++) {
                    out[k] += buf[k];
                }
            }
        });
    }

    /** Sum of v in index order (a fixed order, so per-chunk partial results add up the same every time). */
    public static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
