package org.burgers.potentials;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;

/**
 * Guice bindings of the potentials module: a {@link PotentialFactory} that understands every specification
 * the providers on the class path know (core's {@link PotentialSpec}, so {@code ace:} works once that module
 * is present), and, when constructed with a specification, the experiment's reference potential as
 * {@code @Named("reference") Potential} (one instance per injector).
 */
public final class PotentialsModule extends AbstractModule {
    private final String reference;

    /** Only the factory. */
    public PotentialsModule() {
        this(null);
    }

    /** The factory and the reference potential given by spec. */
    public PotentialsModule(String referenceSpec) {
        this.reference = referenceSpec;
    }

    @Override
    protected void configure() {
        bind(PotentialFactory.class).toInstance(PotentialSpec::parse);
        if (reference != null) {
            String spec = reference;
            bind(Potential.class).annotatedWith(Names.named("reference"))
                    .toProvider(() -> PotentialSpec.parse(spec)).in(Singleton.class);
        }
    }
}
