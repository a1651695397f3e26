package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.burgers.analysis.plot.VitekMap;
import org.burgers.core.InputException;
import org.burgers.core.io.Frame;
import org.burgers.core.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code burgers vitek}: the differential-displacement map of a (relaxed) straight-dislocation cell as PNG. */
@Command(name = "vitek", mixinStandardHelpOptions = true,
        description = "Draw the differential-displacement (Vitek) map of a structure written by 'burgers "
                + "dislocation' (needs the lattice:R:3 sites, lattice_cell, cores and burgers in the comment line).")
final class VitekCommand implements Callable<Integer> {

    @Mixin
    StructureInput structure;

    @Option(names = "--pixels", defaultValue = "900", description = "size of the longer side (default ${DEFAULT-VALUE})")
    int pixels;

    @Option(names = "--out", required = true, description = "PNG file")
    Path out;

    @Override
    public Integer call() {
        Frame f = structure.frame();
        Structure s = f.structure();
        double[] lattice = s.array("lattice");
        if (lattice == null) {
            throw new InputException(structure.path() + ": no per-atom 'lattice' property (perfect sites)");
        }
        double[] cell = numbers(f, "lattice_cell", 9);
        double[] cores = numbers(f, "cores", -1);
        double[] burgers = numbers(f, "burgers", cores.length);
        int[] signs = new int[cores.length / 3];
        for (int k = 0; k < signs.length; k++) {
            signs[k] = burgers[3 * k] + burgers[3 * k + 1] + burgers[3 * k + 2] * 10 >= 0 ? 1 : -1;
        }
        if (pixels < 100 || pixels > 10000) {
            throw new InputException("--pixels must be between 100 and 10000, got " + pixels);
        }
        // plastic distortion and Burgers vector (when written by 'burgers dislocation'): cuts of mixed or
        // edge dislocations then show no spurious arrows
        double[] plastic = f.info().get("plastic_distortion") instanceof double[] pd && pd.length == 9 ? pd : null;
        double[] b = burgers.length >= 3 ? java.util.Arrays.copyOf(burgers, 3) : null;
        VitekMap.write(out, lattice, s.positionsView(), cell, cores, signs, pixels, s.cell().matrix(), plastic, b);
        System.out.println(Json.write(java.util.Map.of("png", out.toString(), "natoms", s.size())));
        return 0;
    }

    private double[] numbers(Frame f, String key, int length) {
        Object v = f.info().get(key);
        if (!(v instanceof double[] d) || (length > 0 && d.length != length) || d.length % 3 != 0) {
            throw new InputException(structure.path() + ": comment line needs " + key + "=\"...\""
                    + (length > 0 ? " with " + length + " numbers" : ""));
        }
        return d;
    }
}
