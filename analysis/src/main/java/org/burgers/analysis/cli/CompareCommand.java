package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.analysis.study.Comparison;
import org.burgers.analysis.study.PredictorFactory;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.simulation.dislocation.DislocationSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code burgers compare}: relaxes a system's quadrupole (the predictor of the reference potential: its
 * lattice constant and elastic constants) with both potentials and prints the study's error measures.
 * Exit code 3 when a relaxation did not converge (the errors are then null).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Relax a dislocation quadrupole with two potentials from the same predictor and print JSON "
                + "{geometryError, energyError, referenceEnergy, modelEnergy, natoms}. Exit code 3 if a relaxation "
                + "did not converge.",
        resourceBundle = "org.burgers.analysis.cli.CompareCommand")
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--reference", required = true, description = "reference potential, e.g. builtin:W")
    String reference;

    @Option(names = "--model", required = true, description = "model potential, e.g. ace:fit/model.json")
    String model;

    @Option(names = "--system", required = true, description = "w-screw, si-edge or nial-screw")
    String system;

    @Option(names = "--size", required = true, description = "quadrupole cell size N (units of r0)")
    double size;

    @Option(names = "--fmax", defaultValue = "1e-3", description = "force tolerance (eV/A, default ${DEFAULT-VALUE})")
    double fmax;

    @Mixin
    RelaxSettings settings;

    @Override
    public Integer call() {
        DislocationSystem sys = DislocationSystem.named(system);
        Potential ref = PotentialSpec.parse(reference);
        Potential mod = PotentialSpec.parse(model);
        PredictorFactory f = new PredictorFactory(sys, ref);
        Comparison c = Comparison.of(f.quadrupole(size), ref, mod, settings.method().create(), settings.options(fmax));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("geometryError", finite(c.geometryError()));
        json.put("energyError", finite(c.energyError()));
        json.put("referenceEnergy", c.referenceEnergy());
        json.put("modelEnergy", c.modelEnergy());
        json.put("natoms", c.natoms());
        json.put("bondChanges", c.bondChanges());
        json.put("referenceConverged", c.referenceConverged());
        json.put("modelConverged", c.modelConverged());
        json.put("referenceIterations", c.referenceIterations());
        json.put("modelIterations", c.modelIterations());
        System.out.println(Json.write(json));
        if (!c.referenceConverged() || !c.modelConverged()) {
            System.err.println("burgers compare: a relaxation did not converge (reference fmax " + c.referenceFmax()
                    + ", model fmax " + c.modelFmax() + " eV/A)");
            return RelaxCommand.NOT_CONVERGED;
        }
        return 0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
