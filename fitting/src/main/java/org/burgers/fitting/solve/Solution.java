package org.burgers.fitting.solve;

import java.util.List;
import java.util.Map;

/**
 * A solver's answer: the coefficients, warnings a user must see (ill-conditioning, rank deficiency, no
 * convergence), and diagnostics (hyperparameters, condition number, iterations) for the report.
 * Construction fails on a non-finite coefficient: a NaN model is never returned.
 */
public record Solution(String solver, double[] coefficients, List<String> warnings, Map<String, Object> diagnostics) {

    public Solution {
        for (int k = 0; k < coefficients.length; k++) {
            if (!Double.isFinite(coefficients[k])) {
                throw new ArithmeticException(solver + " produced a non-finite coefficient " + k + " = "
                        + coefficients[k] + " (warnings: " + warnings + ")");
            }
        }
        coefficients = coefficients.clone();
        warnings = List.copyOf(warnings);
        diagnostics = Map.copyOf(diagnostics);
    }
}
