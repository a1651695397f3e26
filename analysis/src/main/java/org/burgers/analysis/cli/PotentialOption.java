package org.burgers.analysis.cli;

import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import picocli.CommandLine.Option;

/**
 * The required {@code --potential} specification. A command may word its description differently through the
 * key {@code potential} of its resource bundle (eval lists every kind of specification).
 */
final class PotentialOption {
    @Option(names = "--potential", required = true, descriptionKey = "potential",
            description = "potential specification, e.g. builtin:W")
    String potential; // named after the option: picocli labels it <potential>

    Potential parse() {
        return PotentialSpec.parse(potential);
    }
}
