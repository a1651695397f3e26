package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.training.RattledSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code burgers rattle}: a rattled, labelled training set (paper 4.1.2). */
@Command(name = "rattle", mixinStandardHelpOptions = true,
        description = "Write COUNT copies of a structure with Gaussian noise of standard deviation ALPHA (A) on "
                + "every coordinate, labelled with energy, forces, virial and stress of the potential.")
final class RattleCommand implements Callable<Integer> {

    @Mixin
    StructureInput structure;

    @Mixin
    PotentialOption potential;

    @Option(names = "--count", required = true, description = "number of samples")
    int count;

    @Option(names = "--alpha", required = true, description = "noise standard deviation (A)")
    double alpha;

    @Option(names = "--seed", required = true, description = "random seed (same seed, same set)")
    long seed;

    @Option(names = "--config-type", description = "config_type written into every frame")
    String configType;

    @Mixin
    XyzOutput out;

    @Override
    public Integer call() {
        Potential p = potential.parse();
        Structure s = structure.structure();
        List<Frame> frames = RattledSet.generate(s, p, count, alpha, seed, configType);
        out.write(frames);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Frame f : frames) {
            lo = Math.min(lo, f.energy());
            hi = Math.max(hi, f.energy());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", frames.size());
        json.put("natoms", s.size());
        json.put("energyMin", lo);
        json.put("energyMax", hi);
        json.put("out", out.toString());
        System.out.println(Json.write(json));
        return 0;
    }
}
