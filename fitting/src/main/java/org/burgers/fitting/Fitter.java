package org.burgers.fitting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        LossAssembler assembler = new LossAssembler(basis, weights, e0, configTypeWeights, threads, unit);
        LossAssembler.Assembled as = assembler.assemble(train, elastic, priors);
        LinearSystem sys = as.system();
        if (basis instanceof DegreeAware d) {
            sys = sys.withColumnDegrees(d.degrees());
        }
        int rows = sys.rows();
        int cols = sys.cols();
        long t0 = System.nanoTime();
        Solution sol = solver.solve(sys);
        double solveSeconds = (System.nanoTime() - t0) * 1e-9;
        LinearModel model = new LinearModel(basis, sol.coefficients(), e0);
        ErrorTable trainErr = ErrorTable.of(model, train, threads);
        ErrorTable testErr = test == null || test.isEmpty() ? null : ErrorTable.of(model, test, threads);
        List<Matching> matching = new ArrayList<>();
        for (ElasticObservation e : elastic) {
            double[] zero = new double[e.size()];
            double[] c = sol.coefficients();
            double[] modelRelaxed = e.modelRelaxedD2(c);
            matching.add(new Matching(e.name(), e.eps1(c), e.eps2(c), e.eps1(zero), e.eps2(zero), e.eps1Relaxed(c),
                    voigtGPa(e.referenceRelaxedD2()), modelRelaxed == null ? null : voigtGPa(modelRelaxed)));
        }
        return new Result(model, sol, trainErr, testErr, matching, rows, cols, as.seconds(), solveSeconds);
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
