package org.burgers.fitting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.burgers.core.potential.Potential;
import org.burgers.core.basis.LinearBasis;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.errors.ErrorTable;
import org.burgers.core.elasticity.Voigt;
import org.burgers.fitting.loss.ElasticObservation;
import org.burgers.fitting.loss.LossAssembler;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.loss.PriorRows;
import org.burgers.fitting.model.LinearModel;
import org.burgers.fitting.solve.LinearSystem;
import org.burgers.fitting.solve.Solution;
import org.burgers.fitting.solve.Solver;

/**
 * One fit: assemble the loss (4.16), solve, and measure the result: error tables on the training and test
 * sets and the achieved matching conditions eps_1^V, eps_2^V (3.12) of every elastic observation (computed
 * whether or not its rows were in the loss, so fits with and without them can be compared).
 */
public final class Fitter {
    private Fitter() {
    }

    /** eps_1^V and eps_2^V of one elastic observation (eV/A^3). */
    /**
     * The achieved matching of one elastic observation. eps1V, eps2V are over all the observation's variables
     * (strain, and sublattice shifts on a multilattice); eps1Relaxed compares the relaxed-ion tensors, which
     * is what the far field of a defect feels (infinite when the model's sublattice shift is unstable);
     * the two relaxed-ion tensors are in Voigt notation, GPa (the model's null when unstable).
     */
    public record Matching(String name, double eps1V, double eps2V, double referenceD2Norm, double referenceD3Norm,
            double eps1Relaxed, double[][] referenceRelaxedGPa, double[][] modelRelaxedGPa) {
    }

    public record Result(LinearModel model, Solution solution, ErrorTable train, ErrorTable test,
            List<Matching> matching, int rows, int cols, double assemblySeconds, double solveSeconds) {
    }

    public static Result fit(LinearBasis basis, List<LabelledConfiguration> train, List<LabelledConfiguration> test,
            LossWeights weights, ReferenceEnergies e0, Map<String, Double> configTypeWeights,
            List<ElasticObservation> elastic, Solver solver, int threads) {
        return fit(basis, train, test, weights, e0, configTypeWeights, elastic, solver, threads,
                LossAssembler.ElasticUnit.GPA);
    }

    public static Result fit(LinearBasis basis, List<LabelledConfiguration> train, List<LabelledConfiguration> test,
            LossWeights weights, ReferenceEnergies e0, Map<String, Double> configTypeWeights,
            List<ElasticObservation> elastic, Solver solver, int threads, LossAssembler.ElasticUnit unit) {
        return fit(basis, train, test, weights, e0, configTypeWeights, elastic, solver, threads, unit, List.of());
    }

    /** As above, with the rows of priors (e.g. the pair curvature prior) appended to the loss. */
    public static Result fit(LinearBasis basis, List<LabelledConfiguration> train, List<LabelledConfiguration> test,
            LossWeights weights, ReferenceEnergies e0, Map<String, Double> configTypeWeights,
            List<ElasticObservation> elastic, Solver solver, int threads, LossAssembler.ElasticUnit unit,
            List<PriorRows> priors) {
        return fit(basis, train, test, weights, e0, configTypeWeights, elastic, solver, threads, unit, priors,
                DESIGN_BYTES);
    }

    /**
     * The largest design matrix (bytes) a fit forms when its solver could work from the normal equations
     * alone; above it the loss is assembled straight into A^T A ({@link LossAssembler#normalEquations}).
     * 4 GiB: NiAl at the paper's degree 14 (4,676 functions) and L = 20 r0 has 235,000 rows, an 8.8 GB design.
     */
    public static final long DESIGN_BYTES = 4L << 30;

    /** Rows per chunk of the normal-equation assembly, in bytes of the chunk's design (256 MiB). */
    public static final long CHUNK_BYTES = 256L << 20;

    /**
     * As above, with the largest design matrix to form, in bytes: a larger loss, with a solver that
     * {@link Solver#solvesNormalEquations()}, is assembled into its normal equations chunk by chunk.
     */
    public static Result fit(LinearBasis basis, List<LabelledConfiguration> train, List<LabelledConfiguration> test,
            LossWeights weights, ReferenceEnergies e0, Map<String, Double> configTypeWeights,
            List<ElasticObservation> elastic, Solver solver, int threads, LossAssembler.ElasticUnit unit,
            List<PriorRows> priors, long designBytes) {
        return fit(basis, train, test, weights, e0, configTypeWeights, elastic, solver, threads, unit, priors,
                designBytes, null);
    }

    /**
     * As above, with the potential that evaluates the training and test errors of the fitted coefficients
     * ({@code errorModel.apply(c)}; null: the generic {@link LinearModel}, which contracts the full feature
     * matrix of every configuration). A basis's own fast evaluator (ACE: {@code AcePotential}, contracted
     * once, ~100x cheaper per site than the features at 4,676 functions) makes the error tables negligible
     * beside the assembly; it must be the same model (ACE's: AcePotentialTest.contractedPotentialEqualsCoefficientsTimesFeatures).
     */
    public static Result fit(LinearBasis basis, List<LabelledConfiguration> train, List<LabelledConfiguration> test,
            LossWeights weights, ReferenceEnergies e0, Map<String, Double> configTypeWeights,
            List<ElasticObservation> elastic, Solver solver, int threads, LossAssembler.ElasticUnit unit,
            List<PriorRows> priors, long designBytes, Function<double[], Potential> errorModel) {
        LossAssembler assembler = new LossAssembler(basis, weights, e0, configTypeWeights, threads, unit);
        double[] degrees = basis instanceof DegreeAware d ? d.degrees() : null;
        int cols = basis.size();
        long layoutRows = assembler.layout(train, elastic, priors).rows();
        int rows;
        double assemblySeconds;
        Solution sol;
        long t0;
        if (solver.solvesNormalEquations() && layoutRows * cols * 8 > designBytes) {
            LossAssembler.AssembledNormal an = assembler.normalEquations(train, elastic, priors, CHUNK_BYTES);
            rows = an.equations().m();
            assemblySeconds = an.seconds();
            t0 = System.nanoTime();
            sol = solver.solveNormal(an.equations(), degrees);
        } else {
            LossAssembler.Assembled as = assembler.assemble(train, elastic, priors);
            // the design is freed as soon as the solver is done with it (see LinearSystem)
            try (LinearSystem sys = degrees != null ? as.system().withColumnDegrees(degrees) : as.system()) {
                rows = sys.rows();
                assemblySeconds = as.seconds();
                t0 = System.nanoTime();
                sol = solver.solve(sys);
            }
        }
        double solveSeconds = (System.nanoTime() - t0) * 1e-9;
        LinearModel model = new LinearModel(basis, sol.coefficients(), e0);
        Potential evaluator = errorModel == null ? model : errorModel.apply(sol.coefficients());
        ErrorTable trainErr = ErrorTable.of(evaluator, train, threads);
        ErrorTable testErr = test == null || test.isEmpty() ? null : ErrorTable.of(evaluator, test, threads);
        List<Matching> matching = new ArrayList<>();
        for (ElasticObservation e : elastic) {
            double[] zero = new double[e.size()];
            double[] c = sol.coefficients();
            double[] modelRelaxed = e.modelRelaxedD2(c);
            matching.add(new Matching(e.name(), e.eps1(c), e.eps2(c), e.eps1(zero), e.eps2(zero), e.eps1Relaxed(c),
                    voigtGPa(e.referenceRelaxedD2()), modelRelaxed == null ? null : voigtGPa(modelRelaxed)));
        }
        return new Result(model, sol, trainErr, testErr, matching, rows, cols, assemblySeconds, solveSeconds);
    }

    private static double[][] voigtGPa(double[] d2) {
        return Voigt.scale(Voigt.second(d2), Voigt.GPA_PER_EV_A3);
    }

    /**
     * Optional: a basis that knows the polynomial degree of each function (for the ridge smoothness prior).
     * Implemented by adapters in the application layer; LinearBasis itself does not carry degrees.
     */
    public interface DegreeAware {
        double[] degrees();
    }
}
