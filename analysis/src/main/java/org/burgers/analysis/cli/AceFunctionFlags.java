package org.burgers.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which ACE basis functions: species, correlation order and total degree; part of {@link AceBasisFlags}, whose
 * radial part is {@link AceRadialFlags}. Descriptions may be worded per command by the keys of its bundle.
 */
final class AceFunctionFlags {
    @Option(names = "--species", split = ",", descriptionKey = "species",
            description = "element symbols, comma separated (e.g. W or Ni,Al)")
    List<String> species;

    @Option(names = "--order", descriptionKey = "order", description = "correlation order nu (1..6)")
    Integer order;

    @Option(names = "--degree", descriptionKey = "degree", description = "total degree D: sum_t (n_t + wL l_t) <= D")
    Double degree;

    boolean anyGiven() {
        return species != null || order != null || degree != null;
    }

    boolean complete() {
        return species != null && order != null && degree != null;
    }

    /** Writes the flags given into a basis specification (a model or FIT.json "basis" object). */
    void putInto(ObjectNode basis) {
        if (species != null) {
            ArrayNode a = basis.putArray("species");
            species.forEach(a::add);
        }
        if (order != null) {
            basis.put("order", order);
        }
        if (degree != null) {
            basis.put("degree", degree);
        }
    }
}
