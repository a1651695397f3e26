package org.burgers.analysis.cli;

import java.nio.file.Path;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AceModel;
import org.burgers.core.InputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The ACE basis options shared by {@code ace basis} and {@code ace features}: flags or a JSON specification. */
final class AceBasisOptions {
    @Mixin
    AceBasisFlags flags;

    @Option(names = "--wL", description = "weight of l in the degree (default 1.5)")
    Double wl;

    @Option(names = "--basis", description = "JSON basis specification (as in a model file's \"basis\") instead of the flags")
    Path basis;

    AceSpec spec() {
        AceFunctionFlags f = flags.functions;
        AceRadialFlags radial = flags.radial;
        if (basis != null) {
            if (flags.anyGiven() || wl != null) {
                throw new InputException("give either --basis SPEC.json or --species/--order/--degree/--rcut, not both");
            }
            return AceModel.readSpec(basis);
        }
        if (!f.complete() || radial.rcut == null) {
            throw new InputException("the ACE basis needs --species, --order, --degree and --rcut (or --basis SPEC.json)");
        }
        AceSpec s = AceSpec.of(f.species, f.order, f.degree, radial.rcut, radial.r0 == null ? Double.NaN : radial.r0);
        Double pairDegree = radial.pairDegree;
        if (wl != null || pairDegree != null) {
            s = new AceSpec(s.species(), s.order(), s.degree(), s.rcut(), s.r0(), wl != null ? wl : s.wL(), s.pair(),
                    pairDegree != null ? pairDegree : s.pairDegree(), s.pairRcut());
        }
        return s;
    }
}
