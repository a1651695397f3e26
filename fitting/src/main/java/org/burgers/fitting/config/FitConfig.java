package org.burgers.fitting.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AceModel;
import org.burgers.core.InputException;
import org.burgers.fitting.loss.LossAssembler.ElasticUnit;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.solve.SolverConfig;

/**
 * A fit as configured in FIT.json (schema in docs/fitting.md). Relative paths are resolved against the
 * directory of the file. Unknown keys anywhere are errors, so a misspelt weight never silently falls back to
 * its default.
 */
public record FitConfig(Path train, Path test, AceSpec basis, Map<String, Double> e0, LossWeights weights,
        Map<String, Double> configTypeWeights, List<ElasticSpec> elastic, ElasticUnit elasticUnit,
        SolverConfig solver, int threads) {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Set<String> TOP = Set.of("train", "test", "basis", "E0", "weights", "configTypeWeights", "elastic",
            "elasticUnit", "solver", "threads");
    static final Set<String> BASIS = Set.of("species", "order", "degree", "rcut", "r0", "wL", "pair", "pairDegree",
            "pairRcut");
    static final Set<String> WEIGHTS = Set.of("E", "F", "V", "d1V", "d2V");
    static final Set<String> ELASTIC = Set.of("lattice", "species", "potential", "a0");
    static final Set<String> SOLVER = Set.of("name", "lambda", "smoothness", "thresholdLambda", "maxIterations",
            "tolerance", "rcond", "scaleColumns");

    public static ObjectNode readTree(Path file) {
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new InputException(file + ": a fit configuration must be a JSON object");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new InputException("cannot read fit configuration " + file + ": " + e.getMessage(), e);
        }
    }

    public static ObjectNode emptyTree() {
        return MAPPER.createObjectNode();
    }

    /** Parses a configuration tree; {@code where} names it in messages, {@code dir} resolves relative paths. */
    public static FitConfig parse(JsonNode root, String where, Path dir) {
        keys(root, TOP, where);
        Path train = path(required(root, "train", where), where + ".train", dir);
        Path test = root.hasNonNull("test") ? path(root.get("test"), where + ".test", dir) : null;
        JsonNode b = required(root, "basis", where);
        keys(b, BASIS, where + ".basis");
        AceSpec spec = AceModel.parseSpec(b, where + ".basis");
        Map<String, Double> e0 = new LinkedHashMap<>();
        for (String s : spec.species()) {
            e0.put(s, 0.0);
        }
        if (root.has("E0")) {
            JsonNode e = object(root.get("E0"), where + ".E0");
            for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
                String s = it.next();
                if (!spec.species().contains(s)) {
                    throw new InputException(where + ".E0: species '" + s + "' is not in the basis " + spec.species());
                }
                e0.put(s, number(e.get(s), where + ".E0." + s));
            }
        }
        LossWeights w = LossWeights.PAPER_W;
        if (root.has("weights")) {
            JsonNode n = object(root.get("weights"), where + ".weights");
            keys(n, WEIGHTS, where + ".weights");
            w = new LossWeights(num(n, "E", w.energy(), where + ".weights"), num(n, "F", w.forces(), where + ".weights"),
                    num(n, "V", w.virial(), where + ".weights"), num(n, "d1V", w.d1V(), where + ".weights"),
                    num(n, "d2V", w.d2V(), where + ".weights"));
        }
        Map<String, Double> typeWeights = new LinkedHashMap<>();
        if (root.has("configTypeWeights")) {
            JsonNode n = object(root.get("configTypeWeights"), where + ".configTypeWeights");
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String t = it.next();
                double v = number(n.get(t), where + ".configTypeWeights." + t);
                if (!(v >= 0)) {
                    throw new InputException(where + ".configTypeWeights." + t + " must be >= 0, got " + v);
                }
                typeWeights.put(t, v);
            }
        }
        List<ElasticSpec> elastic = new ArrayList<>();
        if (root.has("elastic")) {
            JsonNode arr = root.get("elastic");
            if (!arr.isArray()) {
                throw new InputException(where + ".elastic must be an array of objects");
            }
            for (int i = 0; i < arr.size(); i++) {
                String wh = where + ".elastic[" + i + "]";
                JsonNode n = object(arr.get(i), wh);
                keys(n, ELASTIC, wh);
                String lat = required(n, "lattice", wh).asText();
                // default: the first basis species; for b2 the first two (corner, centre)
                String sp = n.has("species") ? n.get("species").asText()
                        : lat.equalsIgnoreCase("b2") && spec.species().size() >= 2
                        ? spec.species().get(0) + "," + spec.species().get(1) : spec.species().get(0);
                elastic.add(new ElasticSpec(lat, sp,
                        required(n, "potential", wh).asText(), n.has("a0") ? number(n.get("a0"), wh + ".a0") : null));
            }
        }
        ElasticUnit unit = ElasticUnit.GPA;
        if (root.has("elasticUnit")) {
            String u = root.get("elasticUnit").asText().toLowerCase(Locale.ROOT);
            unit = switch (u) {
                case "gpa" -> ElasticUnit.GPA;
                case "ev/a3", "ev/a^3", "ev_per_a3" -> ElasticUnit.EV_PER_A3;
                default -> throw new InputException(where + ".elasticUnit: '" + u + "' (known: GPa, eV/A3)");
            };
        }
        SolverConfig solver = SolverConfig.defaults("ard");
        if (root.has("solver")) {
            JsonNode n = root.get("solver");
            if (n.isTextual()) {
                solver = SolverConfig.defaults(n.asText());
            } else {
                object(n, where + ".solver");
                keys(n, SOLVER, where + ".solver");
                SolverConfig d = SolverConfig.defaults(required(n, "name", where + ".solver").asText());
                String ws = where + ".solver";
                solver = new SolverConfig(d.name(), num(n, "lambda", d.lambda(), ws), num(n, "smoothness", d.smoothness(), ws),
                        num(n, "thresholdLambda", d.thresholdLambda(), ws),
                        (int) num(n, "maxIterations", d.maxIterations(), ws), num(n, "tolerance", d.tolerance(), ws),
                        num(n, "rcond", d.rcond(), ws),
                        n.has("scaleColumns") ? bool(n.get("scaleColumns"), ws + ".scaleColumns") : d.scaleColumns());
            }
        }
        solver.create(); // validates name and parameters now, before any work
        int threads = root.has("threads") ? (int) number(root.get("threads"), where + ".threads")
                : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new InputException(where + ".threads must be >= 1, got " + threads);
        }
        return new FitConfig(train, test, spec, e0, w, typeWeights, elastic, unit, solver, threads);
    }

    static void keys(JsonNode n, Set<String> allowed, String where) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InputException(where + ": unknown key '" + k + "' (known: " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    static JsonNode required(JsonNode n, String key, String where) {
        if (!n.hasNonNull(key)) {
            throw new InputException(where + ": missing '" + key + "'");
        }
        return n.get(key);
    }

    static JsonNode object(JsonNode n, String where) {
        if (!n.isObject()) {
            throw new InputException(where + " must be a JSON object");
        }
        return n;
    }

    static double number(JsonNode n, String where) {
        if (!n.isNumber()) {
            throw new InputException(where + " must be a number, got " + n);
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new InputException(where + " is not finite");
        }
        return v;
    }

    static boolean bool(JsonNode n, String where) {
        if (!n.isBoolean()) {
            throw new InputException(where + " must be true or false, got " + n);
        }
        return n.asBoolean();
    }

    static double num(JsonNode n, String key, double def, String where) {
        return n.has(key) ? number(n.get(key), where + "." + key) : def;
    }

    static Path path(JsonNode n, String where, Path dir) {
        if (!n.isTextual()) {
            throw new InputException(where + " must be a file name");
        }
        Path p = Path.of(n.asText());
        return dir == null || p.isAbsolute() ? p : dir.resolve(p);
    }
}
