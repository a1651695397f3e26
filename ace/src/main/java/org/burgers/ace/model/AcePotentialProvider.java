package org.burgers.ace.model;

import java.nio.file.Path;
import java.util.Set;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialProvider;

/** {@code ace:MODEL.json}: a linear ACE model file written by {@link AceModel#write}. */
public final class AcePotentialProvider implements PotentialProvider {
    @Override
    public Set<String> schemes() {
        return Set.of("ace");
    }

    @Override
    public Potential create(String scheme, String argument) {
        return new AcePotential(AceModel.read(Path.of(argument)));
    }
}
