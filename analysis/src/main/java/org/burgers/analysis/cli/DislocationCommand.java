package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.InputException;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.dislocation.Dislocations;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code burgers dislocation}: writes the CLE predictor of a dipole, quadrupole or loop (optionally relaxed),
 * with core positions and Burgers vectors in the comment line and the perfect-lattice sites as
 * {@code lattice:R:3}; prints a JSON summary.
 */
@Command(name = "dislocation", mixinStandardHelpOptions = true,
        description = "Build a periodic dislocation configuration (anisotropic CLE predictor with image sums and "
                + "the Cai et al. 2003 correction); prints JSON and writes extended XYZ.")
final class DislocationCommand implements Callable<Integer> {

    // what overrides the system's defaults; the system; the configuration; the output, optionally relaxed
    @Option(names = "--potential", description = "potential spec for a0 and the elastic constants "
            + "(default: the system's reference potential, e.g. builtin:W)")
    String potential;

    @Option(names = "--burgers", description = "Burgers vector in cubic axes, units of a, e.g. 1/2[111] "
            + "(default: the system's); must be a lattice vector")
    String burgers;

    @Option(names = "--system", required = true, description = "w-screw, si-edge, nial-screw, w-mixed, w-edge or w-loop")
    String system;

    @Option(names = "--kind", required = true, description = "dipole, quadrupole (straight systems), loop (glide) or prismatic-loop (w-loop)")
    String kind;

    @Option(names = "--size", required = true,
            description = "cell size in lattice constants r0 (L for dipoles, N for quadrupoles and loops)")
    double size;

    @Option(names = "--diameter", description = "prismatic-loop only: loop diameter in r0 (default size/2; "
            + "the loop study's loop of diameter L in the cell N)")
    Double diameter;

    @Mixin
    XyzOutput out;

    @Option(names = "--relax", description = "relax with preconditioned L-BFGS to this largest force (eV/A) "
            + "before writing; exit code 3 if it does not converge")
    Double relaxFmax;

    @Override
    public Integer call() {
        DislocationSystem sys = DislocationSystem.named(system);
        if (burgers != null) {
            sys = sys.withBurgers(DislocationSystem.parseBurgers(burgers));
        }
        Potential p = PotentialSpec.parse(potential == null ? sys.potential() : potential);
        ElasticConstants c = Dislocations.constants(sys, p);
        if (diameter != null && !kind.equalsIgnoreCase("prismatic-loop")) {
            throw new InputException("--diameter applies only to --kind prismatic-loop");
        }
        DislocationConfiguration conf = diameter == null ? Dislocations.predictor(sys, kind, size, c)
                : Dislocations.prismaticLoop(sys, size, diameter, c);
        Frame frame = conf.frame();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", sys.name());
        json.put("kind", conf.kind());
        json.put("size_r0", size);
        if (diameter != null) {
            json.put("diameter_r0", diameter);
        }
        json.put("natoms", conf.structure().size());
        json.put("a0", conf.a0());
        json.put("cell", conf.structure().cell().matrix());
        json.put("cores", conf.cores().stream().map(k -> k.position()).toList());
        json.put("burgers", conf.cores().stream().map(k -> k.burgers()).toList());
        json.put("plastic_distortion", conf.plastic());
        json.put("elastic_voigt_GPa", c.c());
        int code = 0;
        if (relaxFmax != null) {
            if (!(relaxFmax > 0)) {
                throw new InputException("--relax must be a positive force tolerance (eV/A), got " + relaxFmax);
            }
            RelaxResult r = LbfgsRelaxer.preconditioned().relax(conf.structure(), p,
                    RelaxOptions.of(relaxFmax).withMaxSteps(20000).withMaxForceCalls(40000));
            frame = new Frame(r.structure(), frame.info()).withInfo("energy", r.energy());
            json.put("relaxation", RelaxCommand.summary(r));
            code = RelaxCommand.exitCode(r);
        }
        out.write(frame);
        System.out.println(Json.write(json));
        return code;
    }
}
