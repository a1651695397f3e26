package org.burgers.analysis.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.InputException;
import org.burgers.fitting.config.FitConfig;
import org.burgers.fitting.config.FitRunner;
import org.burgers.fitting.loss.LossWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code burgers fit}: assemble the loss (4.16) for an ACE basis, solve, and write DIR/model.json,
 * DIR/errors.json and DIR/errors.md. A FIT.json configuration, flags, or both (flags override the file).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit a linear ACE model to labelled configurations (energy, force, virial and elastic rows).",
        resourceBundle = "org.burgers.analysis.cli.FitCommand")
final class FitCommand implements Callable<Integer> {

    @Option(names = "--config", description = "FIT.json (schema in docs/fitting.md)")
    Path config;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(names = "--train", description = "training configurations (extxyz)")
    Path train;

    @Option(names = "--test", description = "test configurations (extxyz)")
    Path test;

    @Option(names = "--weights", description = "E=50,F=10,V=0,d1V=10,d2V=1 (any subset)")
    String weights;

    @Option(names = "--solver", description = "qr, ridge, blr or ard")
    String solver;

    @Option(names = "--elastic", description = "elastic rows of LATTICE:POTENTIAL, e.g. bcc:builtin:W (repeatable)")
    List<String> elastic;

    @Option(names = "--E0", split = ",", description = "one-body energies, e.g. W=0.0")
    Map<String, Double> e0;

    @Option(names = "--elastic-unit", description = "unit of the elastic rows: GPa (default) or eV/A3")
    String elasticUnit;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Mixin
    AceBasisFlags basis; // --species, --order, --degree, --pair-degree, --rcut, --r0: override the file's "basis"

    @Override
    public Integer call() {
        ObjectNode root = config != null ? FitConfig.readTree(config) : FitConfig.emptyTree();
        Path dir = config != null ? config.toAbsolutePath().getParent() : null;
        String where = config != null ? config.toString() : "command line";
        if (train != null) {
            root.put("train", train.toAbsolutePath().toString());
        }
        if (test != null) {
            root.put("test", test.toAbsolutePath().toString());
        }
        if (basis.anyGiven()) {
            ObjectNode b = root.has("basis") && root.get("basis").isObject() ? (ObjectNode) root.get("basis")
                    : root.putObject("basis");
            basis.putInto(b);
        }
        if (weights != null) {
            LossWeights base = LossWeights.PAPER_W;
            if (root.has("weights") && root.get("weights").isObject()) {
                // the file's weights first, then the flag's
                StringBuilder fromFile = new StringBuilder();
                root.get("weights").fields().forEachRemaining(e -> fromFile.append(fromFile.length() > 0 ? "," : "")
                        .append(e.getKey()).append('=').append(e.getValue().asText()));
                base = LossWeights.parse(fromFile.toString(), base);
            }
            LossWeights w = LossWeights.parse(weights, base);
            ObjectNode n = root.putObject("weights");
            n.put("E", w.energy());
            n.put("F", w.forces());
            n.put("V", w.virial());
            n.put("d1V", w.d1V());
            n.put("d2V", w.d2V());
        }
        if (solver != null) {
            root.put("solver", solver);
        }
        if (elastic != null) {
            ArrayNode arr = root.putArray("elastic");
            for (String e : elastic) {
                int colon = e.indexOf(':');
                if (colon <= 0) {
                    throw new InputException("--elastic '" + e + "' is not of the form LATTICE:POTENTIAL (e.g. bcc:builtin:W)");
                }
                ObjectNode o = arr.addObject();
                o.put("lattice", e.substring(0, colon));
                o.put("potential", e.substring(colon + 1));
            }
        }
        if (e0 != null) {
            ObjectNode n = root.has("E0") && root.get("E0").isObject() ? (ObjectNode) root.get("E0") : root.putObject("E0");
            e0.forEach(n::put);
        }
        if (elasticUnit != null) {
            root.put("elasticUnit", elasticUnit);
        }
        if (threads != null) {
            root.put("threads", threads);
        }
        FitConfig cfg = FitConfig.parse(root, where, dir);
        FitRunner.Outcome o = FitRunner.run(cfg, out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("out", out.toString());
        summary.put("basisSize", o.model().coefficients().length);
        summary.put("errors", o.errors());
        System.out.println(Json.write(summary));
        for (String w : o.result().solution().warnings()) {
            System.err.println("burgers fit: warning: " + w);
        }
        return 0;
    }
}
