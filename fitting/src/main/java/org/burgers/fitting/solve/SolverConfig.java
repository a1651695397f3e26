package org.burgers.fitting.solve;

import java.util.Locale;
import org.burgers.core.InputException;

/**
 * The solver part of a fit configuration.
 *
 * @param name qr, ridge, blr or ard
 * @param lambda ridge: regularisation relative to the mean diagonal of A^T A
 * @param smoothness ridge: order of the smoothness prior (0 = none)
 * @param thresholdLambda ard: precision above which a coefficient is pruned
 * @param maxIterations blr/ard: iteration limit
 * @param tolerance blr/ard: convergence tolerance (relative)
 * @param rcond qr: relative singular-value cut-off (<= 0: max(m, n) * epsilon)
 * @param scaleColumns blr/ard: put the prior on coefficients of unit-RMS columns
 */
public record SolverConfig(String name, double lambda, double smoothness, double thresholdLambda, int maxIterations,
        double tolerance, double rcond, boolean scaleColumns) {

    public static SolverConfig defaults(String name) {
        return new SolverConfig(name, 1e-6, 0, 1e4, name.equals("blr") ? 1000 : 300, name.equals("blr") ? 1e-10 : 1e-6,
                -1, true);
    }

    /** This configuration with another iteration limit (blr, ard). */
    public SolverConfig withMaxIterations(int it) {
        return new SolverConfig(name, lambda, smoothness, thresholdLambda, it, tolerance, rcond, scaleColumns);
    }

    public Solver create() {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "qr" -> new QrSolver(rcond);
            case "ridge" -> new RidgeSolver(lambda, smoothness);
            case "blr" -> new BayesianRidgeSolver(scaleColumns, positive(maxIterations), tolerance);
            case "ard" -> new ArdSolver(thresholdLambda, positive(maxIterations), tolerance, scaleColumns);
            default -> throw new InputException("unknown solver '" + name + "' (known: qr, ridge, blr, ard)");
        };
    }

    private static int positive(int it) {
        if (it <= 0) {
            throw new InputException("solver parameter 'maxIterations' must be positive, got " + it);
        }
        return it;
    }
}
