package org.burgers.potentials;

import org.burgers.core.potential.Partition;

/**
 * The fixed work partition of the reference potentials: the atoms are always cut into {@link #COUNT}
 * contiguous chunks (a core {@link Partition}), each chunk accumulates into its own buffer and buffers are
 * summed in chunk order, so results are the same bit for bit with 1 thread or many.
 */
public final class Chunks {
    /** Number of chunks (and accumulation buffers). Enough for good balance on a few cores. */
    public static final int COUNT = 8;
    /** Below this many atoms the chunks run on the calling thread: forking costs more than it saves. */
    public static final int PARALLEL_THRESHOLD = 2048;

    private Chunks() {
    }

    /** The partition of n atoms: {@link #COUNT} chunks, forked when allowed and worth it. */
    public static Partition partition(boolean allowed, int n) {
        return Partition.fixed(COUNT, allowed, n, PARALLEL_THRESHOLD);
    }
}
