package org.burgers.ace.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.core.InputException;

/**
 * A linear ACE model as stored on disk: basis specification, one-body energies E0 per species and one
 * coefficient per basis column. JSON:
 * <pre>{"format": "burgers-ace", "version": 1, "basis": {"species": ["W"], "order": 3, "degree": 10,
 *  "rcut": 5.5, "r0": 2.74, "wL": 1.5, "pair": true, "pairDegree": 10, "pairRcut": 5.5},
 *  "E0": {"W": 0.0}, "size": 110, "coefficients": [...]}</pre>
 */
public record AceModel(AceSpec basis, Map<String, Double> e0, double[] coefficients) {
    public static final String FORMAT = "burgers-ace";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AceModel {
        e0 = Map.copyOf(e0);
        coefficients = coefficients.clone();
        for (String s : basis.species()) {
            Double v = e0.get(s);
            if (v == null || !Double.isFinite(v)) {
                throw new InputException("ACE model: E0 of species " + s + " is missing or not finite");
            }
        }
        for (int k = 0; k < coefficients.length; k++) {
            if (!Double.isFinite(coefficients[k])) {
                throw new InputException("ACE model: coefficient " + k + " is " + coefficients[k]);
            }
        }
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** JSON tree of this model. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("basis", specJson(basis));
        ObjectNode e = root.putObject("E0");
        for (String s : basis.species()) {
            e.put(s, e0.get(s));
        }
        root.put("size", coefficients.length);
        ArrayNode c = root.putArray("coefficients");
        for (double v : coefficients) {
            c.add(v);
        }
        return root;
    }

    public static ObjectNode specJson(AceSpec s) {
        ObjectNode b = MAPPER.createObjectNode();
        ArrayNode sp = b.putArray("species");
        s.species().forEach(sp::add);
        b.put("order", s.order());
        b.put("degree", s.degree());
        b.put("rcut", s.rcut());
        b.put("r0", s.r0());
        b.put("wL", s.wL());
        b.put("pair", s.pair());
        b.put("pairDegree", s.pairDegree());
        b.put("pairRcut", s.pairRcut());
        return b;
    }

    /** Writes atomically (temporary file, then rename), so a half-written model is never read. */
    public void write(Path path) {
        try {
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), toJson());
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException("cannot write ACE model " + path + ": " + e.getMessage(), e);
        }
    }

    public static AceModel read(Path path) {
        JsonNode root;
        try {
            root = MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new InputException("cannot read ACE model " + path + ": " + e.getMessage(), e);
        }
        String where = "ACE model " + path;
        if (root == null || !root.isObject()) {
            throw new InputException(where + ": not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new InputException(where + ": field 'format' must be \"" + FORMAT + "\"");
        }
        int version = required(root, "version", where).asInt();
        if (version < 1 || version > VERSION) {
            throw new InputException(where + ": unsupported version " + version + " (this program reads 1.."
                    + VERSION + ")");
        }
        AceSpec spec = parseSpec(required(root, "basis", where), where + ", basis");
        JsonNode e = required(root, "E0", where);
        Map<String, Double> e0 = new LinkedHashMap<>();
        e.fields().forEachRemaining(en -> e0.put(en.getKey(), number(en.getValue(), where + ", E0." + en.getKey())));
        JsonNode c = required(root, "coefficients", where);
        if (!c.isArray()) {
            throw new InputException(where + ": 'coefficients' must be an array");
        }
        double[] coeffs = new double[c.size()];
        for (int k = 0; k < coeffs.length; k++) {
            coeffs[k] = number(c.get(k), where + ", coefficients[" + k + "]");
        }
        int size = new AceBasis(spec).size();
        if (coeffs.length != size) {
            throw new InputException(where + ": " + coeffs.length + " coefficients for a basis of " + size
                    + " functions");
        }
        if (root.has("size") && root.get("size").asInt() != size) {
            throw new InputException(where + ": field 'size' is " + root.get("size").asInt() + " but the basis has "
                    + size + " functions");
        }
        try {
            return new AceModel(spec, e0, coeffs);
        } catch (InputException ex) {
            throw new InputException(where + ": " + ex.getMessage(), ex);
        }
    }

    /** A basis specification from JSON (model files and {@code --basis SPEC.json}); defaults as in {@link AceSpec#of}. */
    public static AceSpec parseSpec(JsonNode b, String where) {
        if (!b.isObject()) {
            throw new InputException(where + ": must be a JSON object");
        }
        JsonNode sp = required(b, "species", where);
        List<String> species = new ArrayList<>();
        if (!sp.isArray()) {
            throw new InputException(where + ": 'species' must be an array of element symbols");
        }
        sp.forEach(n -> species.add(n.asText()));
        int order = required(b, "order", where).asInt();
        double degree = number(required(b, "degree", where), where + ".degree");
        double rcut = number(required(b, "rcut", where), where + ".rcut");
        double r0 = b.has("r0") ? number(b.get("r0"), where + ".r0") : Double.NaN;
        try {
            AceSpec d = AceSpec.of(species, order, degree, rcut, r0);
            double wl = b.has("wL") ? number(b.get("wL"), where + ".wL") : d.wL();
            boolean pair = !b.has("pair") || b.get("pair").asBoolean();
            double pd = b.has("pairDegree") ? number(b.get("pairDegree"), where + ".pairDegree") : degree;
            double pr = b.has("pairRcut") ? number(b.get("pairRcut"), where + ".pairRcut") : rcut;
            return new AceSpec(species, order, degree, rcut, d.r0(), wl, pair, pd, pr);
        } catch (InputException e) {
            throw new InputException(where + ": " + e.getMessage(), e);
        }
    }

    public static AceSpec readSpec(Path path) {
        try {
            return parseSpec(MAPPER.readTree(path.toFile()), "basis specification " + path);
        } catch (IOException e) {
            throw new InputException("cannot read basis specification " + path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new InputException(where + ": missing field '" + field + "'");
        }
        return v;
    }

    private static double number(JsonNode n, String where) {
        if (n == null || !n.isNumber()) {
            throw new InputException(where + ": not a number");
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new InputException(where + ": not finite");
        }
        return v;
    }
}
