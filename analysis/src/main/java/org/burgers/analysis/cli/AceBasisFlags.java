package org.burgers.analysis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Mixin;

/**
 * The flags that describe an ACE basis, shared by {@code ace basis}, {@code ace features} and {@code fit}:
 * which functions ({@link AceFunctionFlags}) and the radial basis ({@link AceRadialFlags}). Fit words their
 * descriptions in its own resource bundle.
 */
final class AceBasisFlags {
    @Mixin
    AceFunctionFlags functions;

    @Mixin
    AceRadialFlags radial;

    boolean anyGiven() {
        return functions.anyGiven() || radial.anyGiven();
    }

    /** Writes the flags given into a basis specification (a model's or FIT.json's "basis" object). */
    void putInto(ObjectNode basis) {
        functions.putInto(basis);
        radial.putInto(basis);
    }
}
