package org.burgers.analysis.study;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.fitting.solve.Solver;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.relax.RelaxMethod;
import org.burgers.simulation.relax.Relaxer;

/**
 * Binds every stage of a study from its {@link StudyDocument}: the reference potential (named
 * {@code "reference"}, from the document's potential specification), the {@link Relaxer} (by method name),
 * the {@link Solver} (by name, with the fitting module's defaults), the {@link BasisFactory} (ACE of the
 * document's order and cutoff) and the {@link ConfigurationFactory} (the dislocation predictors of the
 * system). A user swaps a stage by editing one line of the document, or by overriding one binding:
 * {@code Modules.override(new StudyModule(doc)).with(b -> b.bind(Solver.class).toInstance(mine))}.
 */
public final class StudyModule extends AbstractModule {
    private final StudyDocument document;

    public StudyModule(StudyDocument document) {
        this.document = document;
    }

    @Override
    protected void configure() {
        bind(StudyDocument.class).toInstance(document);
    }

    @Provides
    @Singleton
    @Named("reference")
    Potential reference(StudyDocument doc) {
        return PotentialSpec.parse(doc.reference());
    }

    @Provides
    @Singleton
    DislocationSystem system(StudyDocument doc) {
        return DislocationSystem.named(doc.system());
    }

    @Provides
    @Singleton
    Relaxer relaxer(StudyDocument doc) {
        return RelaxMethod.parse(doc.relaxation().method()).create();
    }

    @Provides
    @Singleton
    Solver solver(StudyDocument doc) {
        return doc.solverConfig().create();
    }

    @Provides
    @Singleton
    BasisFactory basis(StudyDocument doc, DislocationSystem sys) {
        return new AceBasisFactory(sys.crystal(sys.a0()).distinctSpecies(), doc.basis());
    }

    @Provides
    @Singleton
    ConfigurationFactory configurations(DislocationSystem sys, @Named("reference") Potential reference) {
        // the loop study (section 4.3): screw and edge training dipoles, a loop of diameter L per L
        return sys.name().equals(DislocationSystem.W_LOOP.name()) ? new LoopConfigurationFactory(reference)
                : new PredictorFactory(sys, reference);
    }
}
