package org.burgers.fitting.loss;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.burgers.core.InputException;
import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.fitting.data.DataSets;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.solve.LinearSystem;
import org.burgers.fitting.solve.NativeLapack;
import org.burgers.fitting.solve.NormalEquations;
import org.burgers.fitting.solve.Nd4jBlas;
import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Assembles the weighted least-squares system of the loss (4.16) for a {@link LinearBasis}. Rows, each times
 * the square root of its weight (W_kind x configuration weight x config_type weight):
 * <ul>
 *   <li>energy per atom: B_k / N against (E - sum E0) / N (W_E);</li>
 *   <li>each force component: -dB_k/dx against f (W_F);</li>
 *   <li>each independent virial component (xx yy zz yz xz xy) per atom: W_k / N against W / N (W_V);</li>
 *   <li>each independent component of d_F^2 W_cb(I) (45, the Hessian being symmetric) and of d_F^3 W_cb(I)
 *       (165, fully symmetric), times the square root of its multiplicity so that the rows add up to the
 *       squared Frobenius norm of (3.12) (W_d1V, W_d2V); for a multilattice observation with D variables
 *       (strain and sublattice shifts, {@link ElasticObservation}) D (D + 1) / 2 and D (D + 1) (D + 2) / 6.</li>
 * </ul>
 * The design matrix is allocated once, off-heap and column-major, at its final size; configurations are
 * processed in parallel, each writing its own rows straight into it (no second copy of the system). For
 * solvers that need only the normal equations, {@link #normalEquations} forms A^T A chunk by chunk instead.
 */
public final class LossAssembler {
    private final LinearBasis basis;
    private final LossWeights weights;
    private final ReferenceEnergies e0;
    private final Map<String, Double> configTypeWeights;
    private final int threads;
    private final double elasticUnit;

    public LossAssembler(LinearBasis basis, LossWeights weights, ReferenceEnergies e0,
            Map<String, Double> configTypeWeights, int threads) {
        this(basis, weights, e0, configTypeWeights, threads, ElasticUnit.GPA);
    }

    /** Units in which the elastic rows measure d_F^2 W_cb and d_F^3 W_cb (the weights W_d1V, W_d2V apply to them). */
    public enum ElasticUnit {
        GPA(org.burgers.core.elasticity.Voigt.GPA_PER_EV_A3), EV_PER_A3(1);

        final double factor;

        ElasticUnit(double factor) {
            this.factor = factor;
        }
    }

    /**
     * @param elasticUnit the unit of the elastic rows: with eV and A for energies and forces, GPa makes
     *     the paper's W_d1V = 10 a strong constraint, eV/A^3 a weak one (see docs/fitting.md)
     */
    public LossAssembler(LinearBasis basis, LossWeights weights, ReferenceEnergies e0,
            Map<String, Double> configTypeWeights, int threads, ElasticUnit elasticUnit) {
        this.elasticUnit = elasticUnit.factor;
        this.basis = basis;
        this.weights = weights;
        this.e0 = e0;
        this.configTypeWeights = Map.copyOf(configTypeWeights);
        for (Map.Entry<String, Double> e : this.configTypeWeights.entrySet()) {
            if (!(e.getValue() >= 0) || !Double.isFinite(e.getValue())) {
                throw new InputException("weight of config_type '" + e.getKey() + "' must be >= 0, got " + e.getValue());
            }
        }
        this.threads = Math.max(1, threads);
    }

    /** Independent components of the virial, in Voigt order. */
    static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    /** The effective weight of a configuration. */
    public double configurationWeight(LabelledConfiguration c) {
        return c.weight() * configTypeWeights.getOrDefault(c.configType(), 1.0);
    }

    int rowsOf(LabelledConfiguration c) {
        if (configurationWeight(c) == 0) {
            return 0;
        }
        int r = 0;
        if (weights.energy() > 0) {
            r++;
        }
        if (weights.forces() > 0) {
            r += 3 * c.atoms();
        }
        if (weights.virial() > 0) {
            r += 6;
        }
        return r;
    }

    /** The assembled system and where each configuration's rows are. */
    public record Assembled(LinearSystem system, int[] configRowStart, int configRows, int elasticRows,
            double seconds) {
    }

    public Assembled assemble(List<LabelledConfiguration> data, List<ElasticObservation> elastic) {
        return assemble(data, elastic, List.of());
    }

    /** As {@link #assemble(List, List)}, followed by the rows of the priors (weight 0: no rows). */
    public Assembled assemble(List<LabelledConfiguration> data, List<ElasticObservation> elastic, List<PriorRows> priors) {
        long t0 = System.nanoTime();
        Layout lay = layout(data, elastic, priors);
        int n = basis.size();
        if (lay.rows() * n > Integer.MAX_VALUE) {
            throw new InputException("design matrix of " + lay.rows() + " x " + n + " exceeds 2^31 entries; "
                    + "a solver that works on the normal equations (ard, blr, ridge) assembles them without it");
        }
        long rows = lay.rows();
        INDArray a = Nd4jBlas.zeros(rows, n);
        INDArray b = Nd4jBlas.zeros(rows, 1);
        int[] start = lay.start();
        parallel(0, data.size(), c -> {
            if (start[c + 1] > start[c]) {
                writeConfiguration(data.get(c), start[c], start[c + 1] - start[c], a, b, rows, n);
            }
        });
        writeTail(elastic, priors, lay.configRows(), a, b, rows, n);
        return new Assembled(new LinearSystem(a, b, null), start, lay.configRows(), lay.elasticRows(),
                (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * The row layout of a loss: where each configuration's rows start ({@code start[c]}, with {@code start[size]}
     * the number of configuration rows), then the elastic rows, then the prior rows.
     */
    public record Layout(int[] start, int configRows, int elasticRows, int priorRows) {
        public long rows() {
            return (long) configRows + elasticRows + priorRows;
        }
    }

    /** The layout of the loss of {@code data}, {@code elastic} and {@code priors}; checks them as assembly does. */
    public Layout layout(List<LabelledConfiguration> data, List<ElasticObservation> elastic, List<PriorRows> priors) {
        DataSets.check(data, weights.energy() > 0, weights.forces() > 0, weights.virial() > 0, basis.species());
        int n = basis.size();
        int[] start = new int[data.size() + 1];
        for (int c = 0; c < data.size(); c++) {
            start[c + 1] = start[c] + rowsOf(data.get(c));
        }
        int configRows = start[data.size()];
        int elasticRows = 0;
        for (ElasticObservation e : elastic) {
            if (e.size() != n) {
                throw new IllegalArgumentException("elastic observation " + e.name() + " has " + e.size()
                        + " basis functions, the basis " + n);
            }
            elasticRows += elasticRowsOf(e);
            if (weights.d2V() > 0 && e.basisD3() == null) {
                throw new IllegalArgumentException("elastic observation " + e.name() + " lacks third-order rows");
            }
        }
        int priorRows = 0;
        for (PriorRows p : priors) {
            if (p.cols() != n) {
                throw new IllegalArgumentException("prior " + p.name() + " has " + p.cols() + " columns, the basis " + n);
            }
            priorRows += p.weight() > 0 ? p.rows() : 0;
        }
        Layout lay = new Layout(start, configRows, elasticRows, priorRows);
        if (lay.rows() == 0) {
            throw new InputException("the loss has no rows: every weight or every configuration weight is zero");
        }
        return lay;
    }

    /** The normal equations of the loss and its row layout. */
    public record AssembledNormal(NormalEquations equations, Layout layout, int chunks, double seconds) {
    }

    /**
     * The normal equations A^T A, A^T b, b^T b of the same loss as {@link #assemble}, without forming A: the
     * rows are assembled in chunks of at most {@code chunkBytes} (at least one configuration each, its
     * configurations in parallel) and each chunk is added by one DSYRK (the upper triangle: half the flops of
     * the DGEMM that {@link LinearSystem#normalEquations} spends on all of A^T A). Memory O(n^2 + chunk)
     * instead of O(rows x n): for solvers that need only the normal equations (ARD, Bayesian ridge, ridge). The
     * sums run in another order than one DGEMM over A, so G agrees with {@code assemble(..).normalEquations()}
     * to rounding, not bit for bit.
     */
    public AssembledNormal normalEquations(List<LabelledConfiguration> data, List<ElasticObservation> elastic,
            List<PriorRows> priors, long chunkBytes) {
        long t0 = System.nanoTime();
        Layout lay = layout(data, elastic, priors);
        if (lay.rows() > Integer.MAX_VALUE) {
            throw new InputException("the loss has " + lay.rows() + " rows, more than 2^31");
        }
        int n = basis.size();
        long chunkRows = Math.max(1, chunkBytes / (8L * n));
        INDArray g = Nd4jBlas.zeros(n, n);
        INDArray h = Nd4jBlas.zeros(n, 1);
        double bb = 0;
        int chunks = 0;
        int[] start = lay.start();
        int c0 = 0;
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            while (c0 < data.size()) {
                int c1 = c0 + 1;
                while (c1 < data.size() && start[c1 + 1] - start[c0] <= chunkRows) {
                    c1++;
                }
                int rows = start[c1] - start[c0];
                if (rows > 0) {
                    INDArray a = Nd4jBlas.zeros(rows, n);
                    INDArray b = Nd4jBlas.zeros(rows, 1);
                    int first = c0;
                    parallel(pool, c0, c1, c -> {
                        if (start[c + 1] > start[c]) {
                            writeConfiguration(data.get(c), start[c] - start[first], start[c + 1] - start[c], a, b, rows, n);
                        }
                    });
                    bb += accumulate(a, b, g, h);
                    Nd4jBlas.release(a);   // now, not when a collection finds the array (see LinearSystem)
                    Nd4jBlas.release(b);
                    chunks++;
                }
                c0 = c1;
            }
        } finally {
            pool.shutdown();
        }
        int tail = lay.elasticRows() + lay.priorRows();
        if (tail > 0) {
            INDArray a = Nd4jBlas.zeros(tail, n);
            INDArray b = Nd4jBlas.zeros(tail, 1);
            writeTail(elastic, priors, 0, a, b, tail, n);
            bb += accumulate(a, b, g, h);
            Nd4jBlas.release(a);
            Nd4jBlas.release(b);
            chunks++;
        }
        double[] gram = g.data().asDouble();
        double[] atb = h.data().asDouble();
        Nd4jBlas.release(g);
        Nd4jBlas.release(h);
        NativeLapack.mirrorUpper(gram, n);
        NormalEquations ne = new NormalEquations(n, (int) lay.rows(), gram, atb, bb);
        return new AssembledNormal(ne, lay, chunks, (System.nanoTime() - t0) * 1e-9);
    }

    /** G += A^T A (upper triangle, by DSYRK), h += A^T b; returns b^T b. */
    private static double accumulate(INDArray a, INDArray b, INDArray g, INDArray h) {
        NativeLapack.syrkUpdate(a, g);
        Nd4j.gemm(a, b, h, true, false, 1.0, 1.0);
        double nb = b.norm2Number().doubleValue();
        return nb * nb;
    }

    /** Runs {@code body} for c in [from, to) on this assembler's threads, rethrowing its first failure. */
    private void parallel(int from, int to, java.util.function.IntConsumer body) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            parallel(pool, from, to, body);
        } finally {
            pool.shutdown();
        }
    }

    private static void parallel(ForkJoinPool pool, int from, int to, java.util.function.IntConsumer body) {
        try {
            pool.submit(() -> IntStream.range(from, to).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("assembly interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("assembly failed", cause);
        }
    }

    /** The elastic rows, then the prior rows, from row {@code r} on. */
    private void writeTail(List<ElasticObservation> elastic, List<PriorRows> priors, int r, INDArray a, INDArray b,
            long rows, int n) {
        for (ElasticObservation e : elastic) {
            r = writeElastic(e, r, a, b, rows, n);
        }
        for (PriorRows p : priors) {
            if (p.weight() > 0) {
                double[] block = new double[p.rows() * n]; // column-major, target zero
                double s = Math.sqrt(p.weight());
                for (int q = 0; q < p.rows(); q++) {
                    for (int j = 0; j < n; j++) {
                        block[j * p.rows() + q] = s * p.values()[q * n + j];
                    }
                }
                double[] rhs = new double[p.rows()];
                checkFinite(block, rhs, "prior " + p.name());
                put(a, b, block, rhs, r, p.rows(), rows, n);
                r += p.rows();
            }
        }
    }

    private void writeConfiguration(LabelledConfiguration c, int r0, int k, INDArray a, INDArray b, long rows, int n) {
        int nat = c.atoms();
        Features f = basis.features(c.structure(), weights.forces() > 0, weights.virial() > 0);
        if (f.size() != n) {
            throw new IllegalStateException("basis returned " + f.size() + " features, expected " + n);
        }
        double w = configurationWeight(c);
        double[] block = new double[k * n]; // column-major k x n
        double[] rhs = new double[k];
        int r = 0;
        if (weights.energy() > 0) {
            double s = Math.sqrt(weights.energy() * w) / nat;
            for (int j = 0; j < n; j++) {
                block[j * k + r] = s * f.energy()[j];
            }
            rhs[r] = s * (c.energy() - e0.total(c.structure()));
            r++;
        }
        if (weights.forces() > 0) {
            double s = Math.sqrt(weights.forces() * w);
            double[] ff = f.forces();
            double[] fl = c.forces();
            for (int q = 0; q < 3 * nat; q++) {
                int off = q * n;
                for (int j = 0; j < n; j++) {
                    block[j * k + r] = s * ff[off + j];
                }
                rhs[r] = s * fl[q];
                r++;
            }
        }
        if (weights.virial() > 0) {
            double s = Math.sqrt(weights.virial() * w) / nat;
            double[] vf = f.virial();
            double[] vl = c.virial();
            for (int[] p : VOIGT) {
                int ab = 3 * p[0] + p[1];
                for (int j = 0; j < n; j++) {
                    block[j * k + r] = s * vf[ab * n + j];
                }
                rhs[r] = s * vl[ab];
                r++;
            }
        }
        checkFinite(block, rhs, c.source());
        put(a, b, block, rhs, r0, k, rows, n);
    }

    /** Rows of one observation: the independent components of its D x D and D x D x D tensors. */
    int elasticRowsOf(ElasticObservation e) {
        int d = e.dimension(), d3 = e.dimension3();
        return (weights.d1V() > 0 ? d * (d + 1) / 2 : 0) + (weights.d2V() > 0 ? d3 * (d3 + 1) * (d3 + 2) / 6 : 0);
    }

    private int writeElastic(ElasticObservation e, int r0, INDArray a, INDArray b, long rows, int n) {
        int dim = e.dimension();
        int k = elasticRowsOf(e);
        double[] block = new double[k * n];
        double[] rhs = new double[k];
        int r = 0;
        if (weights.d1V() > 0) {
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    double s = elasticUnit * Math.sqrt(weights.d1V() * (i == j ? 1 : 2));
                    // the finite-difference tensors are symmetric only to ~1e-8: average the two entries
                    int q = dim * i + j;
                    int qt = dim * j + i;
                    for (int c = 0; c < n; c++) {
                        block[c * k + r] = s * 0.5 * (e.basisD2()[q * n + c] + e.basisD2()[qt * n + c]);
                    }
                    rhs[r++] = s * 0.5 * (e.referenceD2()[q] + e.referenceD2()[qt]);
                }
            }
        }
        if (weights.d2V() > 0) {
            dim = e.dimension3();
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    for (int l = j; l < dim; l++) {
                        int mult = (i == j && j == l) ? 1 : (i == j || j == l) ? 3 : 6;
                        double s = elasticUnit * Math.sqrt(weights.d2V() * mult);
                        int[] perm = {index(dim, i, j, l), index(dim, i, l, j), index(dim, j, i, l),
                            index(dim, j, l, i), index(dim, l, i, j), index(dim, l, j, i)};
                        for (int c = 0; c < n; c++) {
                            double v = 0;
                            for (int q : perm) {
                                v += e.basisD3()[q * n + c];
                            }
                            block[c * k + r] = s * v / 6;
                        }
                        double t = 0;
                        for (int q : perm) {
                            t += e.referenceD3()[q];
                        }
                        rhs[r++] = s * t / 6;
                    }
                }
            }
        }
        checkFinite(block, rhs, "elastic observation " + e.name());
        put(a, b, block, rhs, r0, k, rows, n);
        return r0 + k;
    }

    private static int index(int dim, int i, int j, int l) {
        return (dim * i + j) * dim + l;
    }

    private static void checkFinite(double[] block, double[] rhs, String where) {
        for (double v : rhs) {
            if (!Double.isFinite(v)) {
                throw new InputException(where + ": a label gives a non-finite row target");
            }
        }
        for (double v : block) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException(where + ": the basis returned a non-finite feature");
            }
        }
    }

    /** Copies a column-major k x n block into rows r0.. of the column-major design (one memcpy per column). */
    private static void put(INDArray a, INDArray b, double[] block, double[] rhs, int r0, int k, long rows, int n) {
        DoublePointer pa = new DoublePointer(a.data().addressPointer());
        for (int j = 0; j < n; j++) {
            pa.position(j * rows + r0).put(block, j * k, k);
        }
        DoublePointer pb = new DoublePointer(b.data().addressPointer());
        pb.position(r0).put(rhs, 0, k);
    }
}
