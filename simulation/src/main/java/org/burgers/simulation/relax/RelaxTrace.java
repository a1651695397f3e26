package org.burgers.simulation.relax;

/**
 * Where a relaxation spent its effort: filled by {@link LbfgsRelaxer} when one is passed in (for probes
 * and tests that compare variants; not used by the normal code path).
 */
final class RelaxTrace {
    int iterations;
    int lineSearchTrials;
    int backtracks;
    int memoryResets;
    int preconBuilds;
    int preconForceCalls;
    long cgIterations;
    int solves;
    long forceNanos;
    long solveNanos;
    long buildNanos;
    double mu = Double.NaN;
    long matrixNanos;
    long multigridNanos;
    long rnnNanos;
    double pgamma = 1;
    /** Print one line per iteration to stderr. */
    boolean verbose;

    void iteration(int it, double t, int trials, double energy, double fmax, double dmax) {
        if (verbose) {
            System.err.printf("  it %4d t %.3g trials %d E %.10f fmax %.3e maxstep %.3e pgamma %.3g%n", it, t, trials,
                    energy, fmax, dmax, pgamma);
        }
    }

    @Override
    public String toString() {
        return String.format("it %d trials %d backtracks %d resets %d builds %d muCalls %d solves %d cgIt %d "
                        + "(%.1f/solve) mu %.4g | force %.1f s, solve %.1f s, "
                        + "build %.2f s (rnn %.2f matrix %.2f multigrid %.2f)",
                iterations, lineSearchTrials, backtracks, memoryResets, preconBuilds, preconForceCalls, solves,
                cgIterations, solves == 0 ? 0.0 : (double) cgIterations / solves, mu, forceNanos * 1e-9,
                solveNanos * 1e-9, buildNanos * 1e-9, rnnNanos * 1e-9, matrixNanos * 1e-9, multigridNanos * 1e-9);
    }
}
