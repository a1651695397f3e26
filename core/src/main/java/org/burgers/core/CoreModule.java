package org.burgers.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import org.burgers.core.io.StructureJson;
import org.burgers.core.neighbours.NeighbourListFactory;

/**
 * The Guice bindings of what core provides to other stages: the neighbour-list factory (with the Verlet
 * skin, {@code @Named("verlet.skin")}, default {@value #DEFAULT_SKIN} A) and the JSON mapper that knows
 * structures and Hessians. Experiments override the skin with {@code new CoreModule(skin)}.
 */
public final class CoreModule extends AbstractModule {
    /** Default Verlet skin (A): about 10% of a typical 5 A cutoff, rebuilt after 0.25 A of motion. */
    public static final double DEFAULT_SKIN = 0.5;

    private final double skin;

    public CoreModule() {
        this(DEFAULT_SKIN);
    }

    public CoreModule(double skin) {
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new InputException("verlet.skin must be >= 0 and finite, got " + skin);
        }
        this.skin = skin;
    }

    @Override
    protected void configure() {
        bindConstant().annotatedWith(Names.named("verlet.skin")).to(skin);
    }

    @Provides
    @Singleton
    NeighbourListFactory neighbourLists(@Named("verlet.skin") double verletSkin) {
        return NeighbourListFactory.binned(verletSkin);
    }

    @Provides
    ObjectMapper json() {
        return StructureJson.mapper();
    }
}
