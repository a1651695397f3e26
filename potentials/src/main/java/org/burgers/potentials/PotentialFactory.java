package org.burgers.potentials;

import org.burgers.core.potential.Potential;

/** Makes a potential from a textual specification ({@code builtin:W}, {@code eam/fs:PATH}, ...). */
public interface PotentialFactory {
    Potential create(String spec);
}
