package org.burgers.fitting.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.burgers.core.InputException;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;

/**
 * Reads labelled configurations from extended XYZ as ASE writes it: {@code energy}, per-atom {@code forces},
 * {@code virial} (or {@code stress}, converted to the virial -stress * V), {@code config_type}, and a per
 * configuration weight from {@code config_weight} (the ACEpotentials key) or {@code weight}.
 */
public final class DataSets {
    private DataSets() {
    }

    public static List<LabelledConfiguration> read(Path file) {
        List<Frame> frames = ExtXyz.read(file);
        if (frames.isEmpty()) {
            throw new InputException(file + ": no configurations");
        }
        List<LabelledConfiguration> out = new ArrayList<>(frames.size());
        for (int k = 0; k < frames.size(); k++) {
            out.add(fromFrame(frames.get(k), file.getFileName() + " frame " + k));
        }
        return out;
    }

    public static LabelledConfiguration fromFrame(Frame f, String source) {
        double weight = 1;
        for (String key : new String[] {"config_weight", "weight"}) {
            Object w = f.info().get(key);
            if (w != null) {
                if (!(w instanceof Number n)) {
                    throw new InputException(source + ": " + key + " must be a number, got '" + w + "'");
                }
                weight = n.doubleValue();
                if (!(weight >= 0)) {
                    throw new InputException(source + ": negative or NaN " + key + " = " + weight);
                }
            }
        }
        double[] virial;
        try {
            virial = f.virial();
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
        return new LabelledConfiguration(source, f.structure(), f.energy(), f.forces(), virial, f.configType(), weight);
    }

    /**
     * Checks that every configuration has the labels the loss needs (the weight of a label > 0) and only
     * species the model covers; an {@link InputException} naming the first offender.
     */
    public static void check(List<LabelledConfiguration> data, boolean needEnergy, boolean needForces,
            boolean needVirial, Set<String> species) {
        for (LabelledConfiguration c : data) {
            if (needEnergy && c.energy() == null) {
                throw new InputException(c.source() + ": no 'energy' label, but the energy weight is positive");
            }
            if (needForces && c.forces() == null) {
                throw new InputException(c.source() + ": no 'forces' column, but the force weight is positive");
            }
            if (needVirial && c.virial() == null) {
                throw new InputException(c.source() + ": no 'virial' or 'stress' label, but the virial weight is "
                        + "positive");
            }
            for (int i = 0; i < c.atoms(); i++) {
                String s = c.structure().element(i).symbol();
                if (!species.contains(s)) {
                    throw new InputException(c.source() + ": atom " + i + " is " + s
                            + ", a species the basis does not cover (it has " + new TreeSet<>(species) + ")");
                }
            }
        }
    }
}
