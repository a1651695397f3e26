package org.burgers.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.burgers.core.structure.Structure;

/**
 * One frame of an extended-XYZ file: the structure (with its real-valued per-atom columns, e.g.
 * {@code forces}, as structure arrays) and the comment-line key/value pairs. Info values are Double, Long,
 * Boolean, String or double[] (a quoted list of numbers), as ASE parses them.
 *
 * <p>Labels follow ASE: {@code energy} (eV), per-atom {@code forces} (eV/A), and either {@code virial}
 * (eV, 3x3) or {@code stress} (eV/A^3, 3x3 or Voigt 6; virial = -stress * volume).
 */
public record Frame(Structure structure, Map<String, Object> info) {

    public Frame {
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    public static Frame of(Structure s) {
        return new Frame(s, Map.of());
    }

    /** A frame labelled with energy, forces and virial (any may be null). */
    public static Frame labelled(Structure s, Double energy, double[] forces, double[] virial) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (energy != null) {
            info.put("energy", energy);
        }
        if (virial != null) {
            info.put("virial", virial.clone());
        }
        Structure t = forces == null ? s : s.withArray("forces", forces);
        return new Frame(t, info);
    }

    public Frame withInfo(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.put(key, value);
        return new Frame(structure, m);
    }

    public Double energy() {
        Object e = info.get("energy");
        return e instanceof Number n ? n.doubleValue() : null;
    }

    public double[] forces() {
        return structure.array("forces");
    }

    /** The virial (eV, 3x3 row-major) from {@code virial}, or from {@code stress} as -stress * V; or null. */
    public double[] virial() {
        if (info.get("virial") instanceof double[] v) {
            return full3x3(v);
        }
        if (info.get("stress") instanceof double[] s) {
            double[] f = full3x3(s);
            double vol = structure.cell().volume();
            for (int k = 0; k < 9; k++) {
                f[k] = -f[k] * vol;
            }
            return f;
        }
        return null;
    }

    public String configType() {
        Object c = info.get("config_type");
        return c == null ? "default" : c.toString();
    }

    /** 9 numbers as given, or Voigt 6 (xx yy zz yz xz xy) expanded. */
    static double[] full3x3(double[] v) {
        if (v.length == 9) {
            return v.clone();
        }
        if (v.length == 6) {
            return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
        }
        throw new IllegalArgumentException("a 3x3 tensor needs 9 or 6 (Voigt) numbers, got " + v.length);
    }
}
