package org.burgers.analysis.study;

import java.util.List;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AcePotential;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.potential.Potential;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.model.LinearModel;

/**
 * ACE bases of the study document's order, cutoff and r0 (ACEpotentials.jl defaults otherwise: wL = 1.5, a
 * pair basis of the same cutoff and, unless the document sets {@code pairDegree}, the same degree). The fitted model is an {@link AcePotential}, which contracts
 * the coefficients into the densities once and is much faster in relaxations than evaluating every basis
 * function; a basis of another kind gets the generic {@link LinearModel}.
 */
public final class AceBasisFactory implements BasisFactory {
    private final List<String> species;
    private final StudyDocument.Basis settings;

    public AceBasisFactory(List<String> species, StudyDocument.Basis settings) {
        this.species = List.copyOf(species);
        this.settings = settings;
    }

    @Override
    public LinearBasis basis(int degree) {
        double r0 = settings.r0() > 0 ? settings.r0() : Double.NaN;
        AceSpec d = AceSpec.of(species, settings.order(), degree, settings.rcut(), r0);
        double wL = settings.wL() == null ? d.wL() : settings.wL();
        return new AceBasis(new AceSpec(d.species(), d.order(), d.degree(), d.rcut(), d.r0(), wL, true,
                settings.pairDegreeFor(degree), d.pairRcut()));
    }

    @Override
    public Potential model(LinearBasis basis, double[] c, ReferenceEnergies e0) {
        if (basis instanceof AceBasis ace) {
            return AcePotential.of(ace, c, e0.e0());
        }
        return new LinearModel(basis, c, e0);
    }
}
