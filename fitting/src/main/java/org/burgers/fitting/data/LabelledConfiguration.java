package org.burgers.fitting.data;

import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;

/**
 * One training or test observation: a structure with its reference labels (any may be absent) and its
 * per-configuration metadata.
 *
 * @param source where it came from, e.g. {@code train.xyz frame 12}, for error messages
 * @param energy total energy (eV) or null
 * @param forces forces (eV/A, 3N) or null
 * @param virial virial W = sum r (x) f (eV, 3x3 row-major) or null
 * @param configType the extxyz {@code config_type} ("default" when absent)
 * @param weight per-configuration weight (>= 0) multiplying every row of this configuration
 */
public record LabelledConfiguration(String source, Structure structure, Double energy, double[] forces,
        double[] virial, String configType, double weight) {

    public LabelledConfiguration {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new InputException(source + ": configuration weight must be a finite number >= 0, got " + weight);
        }
        if (energy != null && !Double.isFinite(energy)) {
            throw new InputException(source + ": energy is " + energy);
        }
        if (forces != null) {
            if (forces.length != 3 * structure.size()) {
                throw new InputException(source + ": forces have " + forces.length + " numbers for "
                        + structure.size() + " atoms");
            }
            for (int i = 0; i < forces.length; i++) {
                if (!Double.isFinite(forces[i])) {
                    throw new InputException(source + ": force on atom " + i / 3 + " is not finite");
                }
            }
        }
        if (virial != null) {
            if (virial.length != 9) {
                throw new InputException(source + ": virial needs 9 numbers, got " + virial.length);
            }
            for (double v : virial) {
                if (!Double.isFinite(v)) {
                    throw new InputException(source + ": virial is not finite");
                }
            }
        }
    }

    public int atoms() {
        return structure.size();
    }
}
