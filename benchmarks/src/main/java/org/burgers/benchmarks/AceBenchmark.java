package org.burgers.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AceModel;
import org.burgers.ace.model.AcePotential;
import org.burgers.core.basis.Features;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per atom of the ACE model on bcc W or B2 NiAl (rcut 5.5 A, order 3): energy + forces of a fitted (contracted)
 * potential on one thread, which is what relaxations pay; all features with forces and virials, which is what
 * fitting pays; and, as the in-run baseline, building the full neighbour list of the same crystal.
 * Run: {@code benchmarks/run AceBenchmark -f 1 -wi 2 -i 3}; the NiAl study's basis:
 * {@code benchmarks/run 'AceBenchmark.features' -p system=NiAl -p degree=14 -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AceBenchmark {
    static final int CELLS = 4;                       // 4x4x4 conventional cells
    static final int ATOMS = 2 * CELLS * CELLS * CELLS; // 128 atoms

    @Param({"10", "12", "14"})
    public int degree;

    @Param({"3"})
    public int order;

    /** W: bcc W (one species); NiAl: B2 NiAl at a = 2.88 A (two species, the NiAl study's basis at degree 14). */
    @Param({"W"})
    public String system;

    Structure structure;
    NeighbourList list;
    AcePotential potential;
    AceBasis basis;

    @Setup(Level.Trial)
    public void setup() {
        boolean nial = system.equals("NiAl");
        structure = nial ? rattledB2(2.88, CELLS, 0.05, 1) : rattledBcc(3.165, CELLS, 0.05, 1);
        List<String> species = nial ? List.of("Ni", "Al") : List.of("W");
        basis = new AceBasis(AceSpec.of(species, order, degree, 5.5, nial ? Double.NaN : 2.74));
        double[] c = new double[basis.size()];
        Random r = new Random(2);
        for (int k = 0; k < c.length; k++) {
            c[k] = 1e-3 * r.nextGaussian();
        }
        Map<String, Double> e0 = new java.util.HashMap<>();
        species.forEach(z -> e0.put(z, 0.0));
        potential = new AcePotential(new AceModel(basis.spec(), e0, c), false);
        list = NeighbourList.full(structure, basis.cutoff());
        System.out.println("# basis size " + basis.size() + " (order " + order + ", degree " + degree
                + "), densities " + basis.densities() + ", product nodes " + basis.productNodes());
    }

    static Structure rattledBcc(double a, int n, double sigma, long seed) {
        int nat = 2 * n * n * n;
        double[] x = new double[3 * nat];
        Random r = new Random(seed);
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double s = 0; s < 1; s += 0.5) {
                        x[k++] = (i + s) * a + sigma * r.nextGaussian();
                        x[k++] = (j + s) * a + sigma * r.nextGaussian();
                        x[k++] = (l + s) * a + sigma * r.nextGaussian();
                    }
                }
            }
        }
        Element[] el = new Element[nat];
        Arrays.fill(el, Element.of("W"));
        return new Structure(x, el, Cell.orthorhombic(n * a, n * a, n * a));
    }

    /** B2 (CsCl) NiAl: Ni on the cube corners, Al on the centres, rattled. */
    static Structure rattledB2(double a, int n, double sigma, long seed) {
        Structure bcc = rattledBcc(a, n, sigma, seed);
        Element[] el = new Element[bcc.size()];
        for (int i = 0; i < el.length; i++) {
            el[i] = Element.of(i % 2 == 0 ? "Ni" : "Al");
        }
        return new Structure(bcc.positions(), el, bcc.cell());
    }

    /** Energy + forces + virial of the fitted potential, per atom, one thread. */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public Evaluation energyForces() {
        return potential.evaluate(structure, list, Request.FORCES);
    }

    /** All energy, force and virial features, per atom, one thread. */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public Features features() {
        return basis.features(structure, list, true, true);
    }

    /** Baseline measured in the same run: the full neighbour list within 5.5 A, per atom. */
    @Benchmark
    @OperationsPerInvocation(ATOMS)
    public NeighbourList neighbourListBaseline() {
        return NeighbourList.full(structure, 5.5);
    }
}
