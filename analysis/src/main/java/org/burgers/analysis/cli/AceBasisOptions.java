package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.List;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AceModel;
import org.burgers.core.InputException;
import picocli.CommandLine.Option;

/** The ACE basis options shared by {@code ace basis} and {@code ace features}: flags or a JSON specification. */
final class AceBasisOptions {
    @Option(names = "--species", split = ",", description = "element symbols, comma separated (e.g. W or Ni,Al)")
    List<String> species;

    @Option(names = "--order", description = "correlation order nu (1..6)")
    Integer order;

    @Option(names = "--degree", description = "total degree D: sum_t (n_t + wL l_t) <= D")
    Double degree;

    @Option(names = "--pair-degree", description = "degree of the pair basis (default: --degree)")
    Double pairDegree;

    @Option(names = "--rcut", description = "cutoff radius in A")
    Double rcut;

    @Option(names = "--r0", description = "Agnesi scale in A (default: nearest-neighbour distance of the species)")
    Double r0;

    @Option(names = "--wL", description = "weight of l in the degree (default 1.5)")
    Double wl;

    @Option(names = "--basis", description = "JSON basis specification (as in a model file's \"basis\") instead of the flags")
    Path basis;

    AceSpec spec() {
        if (basis != null) {
            if (species != null || order != null || degree != null || rcut != null || r0 != null || wl != null
                    || pairDegree != null) {
                throw new InputException("give either --basis SPEC.json or --species/--order/--degree/--rcut, not both");
            }
            return AceModel.readSpec(basis);
        }
        if (species == null || order == null || degree == null || rcut == null) {
            throw new InputException("the ACE basis needs --species, --order, --degree and --rcut (or --basis SPEC.json)");
        }
        AceSpec s = AceSpec.of(species, order, degree, rcut, r0 == null ? Double.NaN : r0);
        if (wl != null || pairDegree != null) {
            s = new AceSpec(s.species(), s.order(), s.degree(), s.rcut(), s.r0(), wl != null ? wl : s.wL(), s.pair(),
                    pairDegree != null ? pairDegree : s.pairDegree(), s.pairRcut());
        }
        return s;
    }
}
