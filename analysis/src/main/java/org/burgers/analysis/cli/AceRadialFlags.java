package org.burgers.analysis.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * The radial part of an ACE basis: cutoff, Agnesi scale r0 and the degree of the pair basis, part of
 * {@link AceBasisFlags}. Descriptions may be worded per command by the keys of its resource bundle.
 */
final class AceRadialFlags {
    @Option(names = "--pair-degree", descriptionKey = "pair-degree", description = "degree of the pair basis (default: --degree)")
    Double pairDegree;

    @Option(names = "--rcut", descriptionKey = "rcut", description = "cutoff radius in A")
    Double rcut;

    @Option(names = "--r0", descriptionKey = "r0",
            description = "Agnesi scale in A (default: nearest-neighbour distance of the species)")
    Double r0;

    boolean anyGiven() {
        return rcut != null || r0 != null || pairDegree != null;
    }

    /** Writes the flags given into a basis specification (a model or FIT.json "basis" object). */
    void putInto(ObjectNode basis) {
        if (pairDegree != null) {
            basis.put("pairDegree", pairDegree);
        }
        if (rcut != null) {
            basis.put("rcut", rcut);
        }
        if (r0 != null) {
            basis.put("r0", r0);
        }
    }
}
