package org.burgers.analysis.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.InputException;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.relax.RelaxMethod;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code burgers relax}: relax a structure with a potential; prints JSON and writes the relaxed structure
 * labelled with its energy, forces and virial. Exit code 3 when the relaxation did not converge (the
 * JSON says {@code "converged": false} and the last structure is still written, for inspection).
 */
@Command(name = "relax", mixinStandardHelpOptions = true,
        description = "Relax atom positions (and optionally the cell); prints JSON {converged, iterations, "
                + "forceCalls, energy, fmax} and writes the structure. Exit code 3 if not converged.")
final class RelaxCommand implements Callable<Integer> {
    static final int NOT_CONVERGED = 3;

    @Mixin
    PotentialOption potential;

    @Mixin
    StructureInput structure;

    @Option(names = "--fmax", required = true, description = "largest force component at convergence (eV/A)")
    double fmax;

    @Mixin
    RelaxSettings settings;

    @Option(names = "--cell", description = "relax the cell too, to every stress component below --stress-tol")
    boolean cell;

    @Option(names = "--stress-tol", defaultValue = "0.01",
            description = "stress tolerance in GPa with --cell (default ${DEFAULT-VALUE})")
    double stressTolGPa;

    @Mixin
    XyzOutput out;

    @Override
    public Integer call() {
        RelaxOptions o = settings.options(fmax);
        if (cell) {
            if (!(stressTolGPa > 0)) {
                throw new InputException("--stress-tol must be > 0 GPa, got " + stressTolGPa);
            }
            o = o.withCell(stressTolGPa / 160.21766208);
        }
        RelaxMethod m = settings.method();
        Potential p = potential.parse();
        Structure s = structure.structure();
        p.checkSpecies(s);
        RelaxResult r = m.create().relax(s, p, o);
        Structure relaxed = r.structure();
        Evaluation e = p.evaluate(relaxed, Request.FORCES);
        out.write(Frame.labelled(relaxed, e.energy(), e.forces(), e.virial())
                .withInfo("stress", e.stress(relaxed.cell().volume())));
        Map<String, Object> json = summary(r);
        if (cell) {
            json.put("maxStressGPa", r.maxStress() * 160.21766208);
        }
        json.put("method", m.label());
        json.put("message", r.message());
        System.out.println(Json.write(json));
        return exitCode(r);
    }

    /** The JSON summary of a relaxation, as relax and dislocation --relax print it. */
    static Map<String, Object> summary(RelaxResult r) {
        return Json.object("converged", r.converged(), "iterations", r.iterations(), "forceCalls", r.forceCalls(),
                "energy", r.energy(), "fmax", r.fmax());
    }

    /** 0, or {@link #NOT_CONVERGED} with the relaxer's message on stderr. */
    static int exitCode(RelaxResult r) {
        if (!r.converged()) {
            System.err.println("burgers: relaxation did not converge: " + r.message() + " (fmax " + r.fmax() + ")");
            return NOT_CONVERGED;
        }
        return 0;
    }
}
