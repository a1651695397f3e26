package org.burgers.core.potential;

import java.util.Set;

/**
 * Makes potentials from textual specifications {@code scheme:argument} (for example {@code builtin:W},
 * {@code eam/fs:PATH}, {@code ace:MODEL.json}). Each module that owns potentials registers one provider in
 * {@code META-INF/services/org.burgers.core.potential.PotentialProvider}; {@link PotentialSpec} finds them,
 * so {@code core} knows no concrete potential and a new one needs no change here.
 */
public interface PotentialProvider {

    /** The schemes this provider understands, e.g. {@code eam/fs}. */
    Set<String> schemes();

    /** The potential for {@code scheme:argument}; an {@link org.burgers.core.InputException} on bad input. */
    Potential create(String scheme, String argument);
}
