package org.burgers.benchmarks;

import java.util.concurrent.TimeUnit;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.eam.EamFileReader;
import org.burgers.potentials.eam.EamPotential;
import org.burgers.potentials.eam.EamTables;
import org.burgers.potentials.spec.Builtin;
import org.burgers.potentials.spec.ReferencePotentials;
import org.burgers.core.potential.Potential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Energy + forces + virial of rattled bcc W with w_eam4.fs (neighbour list built once, 1 A skin), serial and
 * on all cores, and of diamond Si with the Pun-Mishin tersoff/mod/c. Run:
 * {@code benchmarks/run EamBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EamBenchmark {
    /** n for n^3 bcc cubes: 20 = 16,000 atoms. */
    @Param({"20"})
    public int cells;

    private Structure w;
    private NeighbourList wList;
    private EamPotential serial;
    private EamPotential parallel;

    @Setup
    public void setup() {
        EamTables t = EamFileReader.finnisSinclair(Builtin.W.open());
        serial = new EamPotential(t, false);
        parallel = new EamPotential(t, true);
        w = EamVsLammps.rattledBcc(cells, 0.05, 42);
        wList = NeighbourList.half(w, t.cutoff() + 1.0);
    }

    @Benchmark
    public Evaluation eamSerial() {
        return serial.evaluate(w, wList, Request.FORCES);
    }

    @Benchmark
    public Evaluation eamParallel() {
        return parallel.evaluate(w, wList, Request.FORCES);
    }

    @Benchmark
    public NeighbourList halfListW() {
        return NeighbourList.half(w, serial.cutoff() + 1.0);
    }

    /** Diamond Si, 8 n^3 / 8 atoms (n = cells / 2): the three-body kernel on a full list. */
    @State(Scope.Benchmark)
    public static class Silicon {
        Structure si;
        NeighbourList list;
        Potential tersoff;

        @Setup
        public void setup() {
            tersoff = ReferencePotentials.builtin(Builtin.Si);
            int n = 10;
            double a = 5.431;
            double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
                {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
            double[] x = new double[3 * 8 * n * n * n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int l = 0; l < n; l++) {
                        for (double[] b : basis) {
                            x[k++] = (i + b[0]) * a;
                            x[k++] = (j + b[1]) * a;
                            x[k++] = (l + b[2]) * a;
                        }
                    }
                }
            }
            si = Structure.of(x, "Si", org.burgers.core.structure.Cell.orthorhombic(n * a, n * a, n * a));
            list = NeighbourList.full(si, tersoff.cutoff() + 0.5);
        }
    }

    @Benchmark
    public Evaluation tersoffSi8000(Silicon s) {
        return s.tersoff.evaluate(s.si, s.list, Request.FORCES);
    }
}
