package org.burgers.fitting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.LossAssembler;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.solve.LinearSystem;
import org.burgers.fitting.solve.Nd4jBlas;
import org.burgers.fitting.solve.QrSolver;
import org.burgers.fitting.solve.SolverConfig;
import org.burgers.fitting.testing.PairPolynomialBasis;
import org.burgers.fitting.testing.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The size: 100 configurations of 250 atoms, 300 basis functions (75,100 x 300 design). Prints assembly
 * and solve times, peak resident memory, and the normal-equation product rate against a square DGEMM measured in
 * the same run. Timing only (the machine is shared), so it asserts nothing but the ratio the issue demands.
 */
@Tag("slow")
class AssemblyTimingTest {

    @Test
    void hundredConfigurationsOf250AtomsWith300Functions() throws Exception {
        var ref = TestData.morse();
        // 250 atoms: a 5x5x5 bcc supercell, rattled
        Structure base = Fixtures.bcc("W", TestData.A0, 5);
        List<LabelledConfiguration> data = new java.util.ArrayList<>();
        for (int c = 0; c < 100; c++) {
            Structure s = Fixtures.rattle(base, 0.1, c);
            var e = ref.evaluate(s, org.burgers.core.potential.Request.FORCES);
            data.add(new LabelledConfiguration("c" + c, s, e.energy(), e.forces(), e.virial(), "bulk", 1));
        }
        PairPolynomialBasis basis = new PairPolynomialBasis(TestData.RC, 300, Set.of("W"));
        double dgemm = Nd4jBlas.dgemmGflops(2000, 3);
        LossAssembler asm = new LossAssembler(basis, new LossWeights(50, 10, 1, 0, 0), ReferenceEnergies.none(), Map.of(), 2);
        // baseline: the features alone, same threads, no assembly
        long tf = System.nanoTime();
        new java.util.concurrent.ForkJoinPool(2).submit(() -> data.parallelStream()
                .forEach(d -> basis.features(d.structure(), true, true))).get();
        double featuresOnly = (System.nanoTime() - tf) * 1e-9;
        LossAssembler.Assembled as = asm.assemble(data, List.of());
        LinearSystem sys = as.system();
        double gram = Nd4jBlas.gramGflops(sys.design(), 3);
        long t0 = System.nanoTime();
        var ne = sys.normalEquations();
        double tNe = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        var ard = SolverConfig.defaults("ard").create().solve(sys);
        double tArd = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        var qr = new QrSolver().solve(sys); // consumes the design
        double tQr = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("features alone %.2f s; assembly / features = %.2f%n", featuresOnly, as.seconds() / featuresOnly);
        System.out.printf("design %d x %d: assembly %.2f s (features + writes, 2 threads); A^T A %.1f GFLOP/s vs "
                + "DGEMM 2000^3 %.1f GFLOP/s in the same run (ratio %.2f); normal equations %.2f s; ARD %.2f s "
                + "(%s iterations, %s retained); QR %.2f s (cond %.3g); peak RSS %s; heap max %d MB%n",
                sys.rows(), sys.cols(), as.seconds(), gram, dgemm, gram / dgemm, tNe, tArd,
                ard.diagnostics().get("iterations"), ard.diagnostics().get("retained"), tQr,
                (double) qr.diagnostics().get("conditionNumber"), peakRss(), Runtime.getRuntime().maxMemory() >> 20);
        org.junit.jupiter.api.Assertions.assertTrue(gram >= 0.5 * dgemm,
                "normal-equation product at " + gram + " GFLOP/s, below half the DGEMM rate " + dgemm);
    }

    static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                return line.substring(6).trim();
            }
        }
        return "?";
    }
}
