package org.burgers.fitting.loss;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.burgers.core.InputException;

/**
 * The weights of (4.16): W_E (energy per atom), W_F (force components), W_V (virial components per atom),
 * W_d1V (components of d_F^2 W_cb(I)) and W_d2V (of d_F^3 W_cb(I)). Defaults are the paper's for W
 * (section 4.2): 50, 10, 0 (virial rows off unless asked), 10, 1.
 */
public record LossWeights(double energy, double forces, double virial, double d1V, double d2V) {

    public static final LossWeights PAPER_W = new LossWeights(50, 10, 0, 10, 1);

    public LossWeights {
        check("E", energy);
        check("F", forces);
        check("V", virial);
        check("d1V", d1V);
        check("d2V", d2V);
    }

    private static void check(String name, double w) {
        if (!(w >= 0) || !Double.isFinite(w)) {
            throw new InputException("weight " + name + " must be a finite number >= 0, got " + w);
        }
    }

    /**
     * Parses {@code E=50,F=10,V=0,d1V=10,d2V=1} on top of {@code base}; unknown keys are errors.
     */
    public static LossWeights parse(String text, LossWeights base) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("E", base.energy);
        m.put("F", base.forces);
        m.put("V", base.virial);
        m.put("d1V", base.d1V);
        m.put("d2V", base.d2V);
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                String[] kv = part.trim().split("=", 2);
                String key = kv[0].trim();
                String canonical = m.keySet().stream().filter(k -> k.toLowerCase(Locale.ROOT)
                        .equals(key.toLowerCase(Locale.ROOT))).findFirst().orElseThrow(() -> new InputException(
                                "unknown weight '" + key + "' in '" + text + "' (known: E, F, V, d1V, d2V)"));
                if (kv.length != 2) {
                    throw new InputException("weight '" + part + "' in '" + text + "' is not of the form KEY=VALUE");
                }
                try {
                    m.put(canonical, Double.parseDouble(kv[1].trim()));
                } catch (NumberFormatException e) {
                    throw new InputException("weight " + canonical + " = '" + kv[1] + "' is not a number");
                }
            }
        }
        return new LossWeights(m.get("E"), m.get("F"), m.get("V"), m.get("d1V"), m.get("d2V"));
    }
}
