package org.burgers.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.LossAssembler;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.solve.ArdSolver;
import org.burgers.fitting.solve.LinearSystem;
import org.burgers.fitting.solve.Nd4jBlas;
import org.burgers.fitting.solve.NormalEquations;
import org.burgers.fitting.solve.QrSolver;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hot paths of fitting: assembly of the loss (ACE order 3, degree 10, 110 functions, 20 rattled 54-atom W cells
 * labelled by builtin:W), the normal-equation product A^T A of a 20000 x 300 design against a square DGEMM of
 * similar work, the column-scaled QR solve, and 20 iterations of ARD on 684 unknowns (the Si basis of the
 * study presets) with the posterior factorised by OpenBLAS's LAPACK (the default) against EJML (the former
 * path, the baseline), and the normal equations of the ACE loss through the formed design against chunks of
 * four configurations (the path for losses above Fitter.DESIGN_BYTES). Run: {@code benchmarks/run FittingBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FittingBenchmark {
    List<LabelledConfiguration> data;
    AceBasis basis;
    INDArray design;
    INDArray square;
    LinearSystem system;
    NormalEquations ard684;

    @Setup(Level.Trial)
    public void setUp() {
        var w = PotentialSpec.parse("builtin:W");
        basis = new AceBasis(AceSpec.of(List.of("W"), 3, 10, 5.5, Double.NaN));
        data = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(1);
        for (int c = 0; c < 20; c++) {
            Structure s = bcc(3.14339, 3);
            double[] x = s.positions();
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.1 * rnd.nextGaussian();
            }
            s = s.withPositions(x);
            Evaluation e = w.evaluate(s, Request.FORCES);
            data.add(new LabelledConfiguration("c" + c, s, e.energy(), e.forces(), e.virial(), "bulk", 1));
        }
        design = Nd4j.rand(DataType.DOUBLE, 'f', 20000, 300);
        square = Nd4j.rand(DataType.DOUBLE, 'f', 1000, 1000); // 2e9 flops, close to 2 * 20000 * 300^2 = 3.6e9
        // a dense truth and little noise, so ARD keeps (nearly) all 684 columns in every iteration
        int m = 4000;
        int n = 684;
        double[] a = new double[m * n];
        double[] x = new double[n];
        double[] b = new double[m];
        for (int k = 0; k < n; k++) {
            x[k] = rnd.nextGaussian();
        }
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                a[i * n + k] = rnd.nextGaussian();
                b[i] += a[i * n + k] * x[k];
            }
            b[i] += 1e-3 * rnd.nextGaussian();
        }
        ard684 = LinearSystem.of(a, m, n, b).normalEquations();
    }

    @Setup(Level.Invocation)
    public void freshSystem() {
        system = new LinearSystem(design.dup('f'), Nd4j.rand(DataType.DOUBLE, 'f', 20000, 1), null);
    }

    static Structure bcc(double a, int n) {
        int nat = 2 * n * n * n;
        double[] x = new double[3 * nat];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double h : new double[] {0, 0.5}) {
                        x[k++] = (i + h) * a;
                        x[k++] = (j + h) * a;
                        x[k++] = (l + h) * a;
                    }
                }
            }
        }
        Element[] el = new Element[nat];
        java.util.Arrays.fill(el, Element.of("W"));
        return new Structure(x, el, Cell.orthorhombic(n * a, n * a, n * a));
    }

    @Benchmark
    public Object assembleAce() {
        return new LossAssembler(basis, new LossWeights(50, 10, 1, 0, 0), ReferenceEnergies.none(), Map.of(), 2)
                .assemble(data, List.of());
    }

    /** The normal equations through the formed design (below Fitter.DESIGN_BYTES, the default path). */
    @Benchmark
    public Object normalEquationsFormed() {
        return new LossAssembler(basis, new LossWeights(50, 10, 1, 0, 0), ReferenceEnergies.none(), Map.of(), 2)
                .assemble(data, List.of()).system().normalEquations();
    }

    /** The same normal equations assembled in chunks of four configurations (the path above the budget). */
    @Benchmark
    public Object normalEquationsChunked() {
        long chunkBytes = 4L * (1 + 3 * data.get(0).atoms() + 6) * basis.size() * 8;
        return new LossAssembler(basis, new LossWeights(50, 10, 1, 0, 0), ReferenceEnergies.none(), Map.of(), 2)
                .normalEquations(data, List.of(), List.of(), chunkBytes);
    }

    @Benchmark
    public Object gram20000x300() {
        return Nd4jBlas.gram(design);
    }

    @Benchmark
    public Object dgemm1000() {
        return square.mmul(square);
    }

    @Benchmark
    public Object ard684Lapack() {
        return new ArdSolver(1e4, 20, 0, true, ArdSolver.Backend.LAPACK).solve(ard684);
    }

    @Benchmark
    public Object ard684Ejml() {
        return new ArdSolver(1e4, 20, 0, true, ArdSolver.Backend.EJML).solve(ard684);
    }

    @Benchmark
    public Object qr20000x300() {
        return new QrSolver().solve(system);
    }
}
