package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.lattice.Crystal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code burgers elastic}: relaxed lattice constant and relaxed-ion C, C3 of a potential for a lattice. */
@Command(name = "elastic", mixinStandardHelpOptions = true,
        description = "Relaxed lattice constant, energy per atom and relaxed-ion elastic constants (Voigt, GPa) "
                + "from the Cauchy-Born derivatives; prints JSON {a0, energyPerAtom, C, C3}.",
        resourceBundle = "org.burgers.analysis.cli.ElasticCommand")
final class ElasticCommand implements Callable<Integer> {

    // the crystal (lattice constant guess, lattice, species), the potential, what to compute
    @Option(names = "--a0", description = "lattice constant guess (A); the minimum is searched within 20 %%")
    Double a0;

    @Mixin
    LatticeOptions crystal;

    @Mixin
    PotentialOption potential;

    @Option(names = "--no-c3", description = "skip the third-order constants")
    boolean noC3;

    @Override
    public Integer call() {
        if (a0 != null && !(a0 > 0)) {
            throw new InputException("--a0 must be positive, got " + a0);
        }
        Crystal c = crystal.crystal(a0 == null ? 1.0 : a0);
        Potential p = potential.parse();
        p.checkSpecies(c.conventionalCell());
        if (a0 == null) {
            c = c.withA(ElasticConstants.scanGuess(p, c));
        }
        ElasticConstants ec = ElasticConstants.compute(p, c, !noC3);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lattice", c.lattice().name());
        json.put("species", c.species());
        json.put("a0", ec.a0());
        json.put("energyPerAtom", ec.energyPerAtom());
        json.put("C", ec.c());
        if (ec.c3() != null) {
            json.put("C3", ec.c3());
        }
        System.out.println(Json.write(json));
        return 0;
    }
}
