package org.burgers.analysis.cli;

import org.burgers.simulation.relax.RelaxMethod;
import org.burgers.simulation.relax.RelaxOptions;
import picocli.CommandLine.Option;

/**
 * {@code --method} and {@code --max-steps} of the commands that relax (relax, compare). A command sets its own
 * defaults with the keys {@code method.default} and {@code max-steps.default} of its resource bundle, and
 * may word the method's description with the key {@code method}.
 */
final class RelaxSettings {
    @Option(names = "--method", defaultValue = "${bundle:method.default:-lbfgs}", descriptionKey = "method",
            description = "lbfgs, fire or precon-lbfgs (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--max-steps", defaultValue = "${bundle:max-steps.default:-10000}",
            description = "iteration budget (default ${DEFAULT-VALUE})")
    int maxSteps;

    RelaxMethod method() {
        return RelaxMethod.parse(method);
    }

    /** Convergence at {@code fmax} within the iteration budget; force calls: two per step (line search) and a margin. */
    RelaxOptions options(double fmax) {
        return RelaxOptions.of(fmax).withMaxSteps(maxSteps).withMaxForceCalls(2 * maxSteps + 10);
    }
}
