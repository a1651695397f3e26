package org.burgers.benchmarks;

import java.util.concurrent.TimeUnit;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Neighbour-list build for bcc W (a0 = 3.14339 A, w_eam4.fs) with the EAM cutoff 5.5 A, at 2,000, 16,000
 * and 128,000 atoms (n^3 conventional cubes, n = 10, 20, 40), full and half lists. The target is a flat
 * cost per atom below 2 us on one core: divide the reported time per build by the atom count.
 * Run: {@code benchmarks/run NeighbourListBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class NeighbourListBenchmark {
    static final double A0 = 3.14339;
    static final double CUTOFF = 5.5;

    @Param({"10", "20", "40"})
    public int cubes;

    @Param({"false", "true"})
    public boolean half;

    Structure structure;
    int pairs;

    @Setup(Level.Trial)
    public void setUp() {
        structure = bcc(A0, cubes);
        pairs = NeighbourList.build(structure, CUTOFF, half).pairs();
    }

    @Benchmark
    public NeighbourList build() {
        return NeighbourList.build(structure, CUTOFF, half);
    }

    /**
     * Baseline measured in the same run (the machine is shared): allocate and fill arrays as large as the
     * list's output (one int and three doubles per pair), i.e. the memory traffic any list build must pay.
     */
    @Benchmark
    public double[] baselineFill() {
        int[] nbr = new int[pairs];
        double[] vec = new double[3 * pairs];
        for (int p = 0; p < pairs; p++) {
            nbr[p] = p;
            vec[3 * p] = p;
            vec[3 * p + 1] = p;
            vec[3 * p + 2] = nbr[p];
        }
        return vec;
    }

    static Structure bcc(double a, int n) {
        int nat = 2 * n * n * n;
        double[] x = new double[3 * nat];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double s = 0; s <= 0.5; s += 0.5) {
                        x[k++] = (i + s) * a;
                        x[k++] = (j + s) * a;
                        x[k++] = (l + s) * a;
                    }
                }
            }
        }
        Element[] el = new Element[nat];
        java.util.Arrays.fill(el, Element.of("W"));
        return new Structure(x, el, Cell.orthorhombic(n * a, n * a, n * a));
    }
}
