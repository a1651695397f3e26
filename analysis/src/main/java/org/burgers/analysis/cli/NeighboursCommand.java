package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code burgers neighbours}: neighbour counts of every atom within a cutoff, all periodic images included. */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = "Count neighbours within a cutoff (full list, all periodic images); prints JSON.")
final class NeighboursCommand implements Callable<Integer> {

    @Mixin
    StructureInput structure;

    @Option(names = "--cutoff", required = true, description = "cutoff radius in A")
    double cutoff;

    @Override
    public Integer call() {
        if (!(cutoff > 0)) {
            throw new InputException("--cutoff must be positive, got " + cutoff);
        }
        Structure s = structure.structure();
        NeighbourList full = NeighbourList.full(s, cutoff);
        int[] counts = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            counts[i] = full.count(i);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("natoms", s.size());
        out.put("pairs", full.pairs() / 2);
        out.put("counts", counts);
        System.out.println(Json.write(out));
        return 0;
    }
}
