package org.burgers.potentials.spec;

import java.util.Set;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialProvider;

/**
 * The potentials module's entry in core's ServiceLoader SPI: {@code builtin:W|NiAl|Si}, {@code eam:PATH[,PATH]},
 * {@code eam/alloy:PATH}, {@code eam/fs:PATH}, {@code tersoff/mod/c:PATH}, {@code sw:PATH},
 * {@code lj:epsilon,sigma,rcut[,El...]}, {@code morse:D,alpha,r0,rcut[,El...]}.
 */
public final class ReferencePotentialProvider implements PotentialProvider {
    @Override
    public Set<String> schemes() {
        return ReferencePotentials.SCHEMES;
    }

    @Override
    public Potential create(String scheme, String argument) {
        return ReferencePotentials.create(scheme, argument);
    }
}
