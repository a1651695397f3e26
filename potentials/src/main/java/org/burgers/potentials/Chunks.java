package org.burgers.potentials;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Fixed work partition for deterministic parallel kernels: the atoms are always cut into {@link #COUNT}
 * contiguous chunks, and each chunk accumulates into its own buffer; buffers are then summed in chunk order.
 * The floating-point operations and their order therefore do not depend on how many threads run the chunks,
 * so results are the same bit for bit with 1 thread or many.
 */
public final class Chunks {
    /** Number of chunks (and accumulation buffers). Enough for good balance on a few cores. */
    public static final int COUNT = 8;
    /** Below this many atoms the chunks run on the calling thread: forking costs more than it saves. */
    public static final int PARALLEL_THRESHOLD = 2048;

    private Chunks() {
    }

    /** Whether to fork for n atoms when the caller allows it (the numbers are the same either way). */
    public static boolean worthForking(boolean allowed, int n) {
        return allowed && n >= PARALLEL_THRESHOLD;
    }

    /** First atom of chunk c of n atoms. */
    public static int lo(int c, int n) {
        return (int) ((long) n * c / COUNT);
    }

    /** Runs body(c) for every chunk c, in parallel (on the common fork-join pool) when asked. */
    public static void run(boolean parallel, IntConsumer body) {
        if (parallel) {
            IntStream.range(0, COUNT).parallel().forEach(body);
        } else {
            for (int c = 0; c < COUNT; c++) {
                body.accept(c);
            }
        }
    }

    /** out[k] = sum over c (in order) of bufs[c][k], for all k; split over chunks of the index range. */
    public static void reduce(boolean parallel, double[][] bufs, double[] out) {
        int n = out.length;
        run(parallel, c -> {
            int lo = lo(c, n), hi = lo(c + 1, n);
            for (double[] b : bufs) {
                for (int k = lo; k < hi; k++) {
                    out[k] += b[k];
                }
            }
        });
    }

    /** The work of one chunk of a many-body kernel: atoms [lo, hi) add their forces, virial and site energies. */
    @FunctionalInterface
    public interface ChunkKernel {
        void run(int lo, int hi, double[] forces, double[] virial, double[] siteEnergies);
    }

    /**
     * Energy, site energies, forces and virial of a kernel over n atoms: each chunk writes its own force
     * and virial buffer (site energies are per atom, so chunks never share one), reduced in chunk order.
     */
    public static org.burgers.core.potential.Evaluation evaluate(boolean allowParallel, int n, boolean siteEnergies,
                                                                ChunkKernel kernel) {
        boolean parallel = worthForking(allowParallel, n);
        double[][] fBuf = new double[COUNT][3 * n];
        double[][] wBuf = new double[COUNT][9];
        double[] site = new double[n];
        run(parallel, c -> kernel.run(lo(c, n), lo(c + 1, n), fBuf[c], wBuf[c], site));
        double[] f = new double[3 * n];
        reduce(parallel, fBuf, f);
        double[] w = new double[9];
        for (double[] wc : wBuf) {
            for (int k = 0; k < 9; k++) {
                w[k] += wc[k];
            }
        }
        return new org.burgers.core.potential.Evaluation(sum(site), siteEnergies ? site : null, f, w, null);
    }

    /** Sum of v in index order (a fixed order, for per-chunk partial sums). */
    public static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
