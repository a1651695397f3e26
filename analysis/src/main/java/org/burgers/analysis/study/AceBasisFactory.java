package org.burgers.analysis.study;

import java.util.List;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AcePotential;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.potential.Potential;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.PriorRows;
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
        return basis(degree, settings.pairDegreeFor(degree));
    }

    @Override
    public LinearBasis basis(int degree, int pairDegree) {
        if (pairDegree < degree) {
            throw new org.burgers.core.InputException("pair degree " + pairDegree + " is below the many-body degree "
                    + degree);
        }
        double r0 = settings.r0() > 0 ? settings.r0() : Double.NaN;
        AceSpec d = AceSpec.of(species, settings.order(), degree, settings.rcut(), r0);
        double wL = settings.wL() == null ? d.wL() : settings.wL();
        return new AceBasis(new AceSpec(d.species(), d.order(), d.degree(), d.rcut(), d.r0(), wL, true,
                pairDegree, d.pairRcut()));
    }

    /**
     * The curvature prior of the pair function when the document sets {@code pairCurvature}: weight x
     * int_rlo^rhi phi''(r)^2 dr on a 0.005 A midpoint grid, rlo = {@code pairCurvatureFrom} or r0 / 2, rhi =
     * {@code pairCurvatureTo} or the pair cutoff.
     */
    @Override
    public List<PriorRows> priors(LinearBasis basis) {
        if (settings.pairCurvature() == null || settings.pairCurvature() == 0 || !(basis instanceof AceBasis ace)
                || ace.pairColumns() == 0) {
            return List.of();
        }
        double rlo = settings.pairCurvatureFrom() != null ? settings.pairCurvatureFrom() : ace.spec().r0() / 2;
        double rhi = settings.pairCurvatureTo() != null ? Math.min(settings.pairCurvatureTo(), ace.spec().pairRcut())
                : ace.spec().pairRcut();
        double[] rows = ace.pairCurvatureRows(rlo, rhi, GRID);
        return List.of(new PriorRows(String.format(java.util.Locale.ROOT, "pair curvature on [%.3f, %.3f] A", rlo, rhi),
                rows.length / ace.size(), ace.size(), rows, settings.pairCurvature()));
    }

    /** Grid step (A) of the curvature prior's integral: 0.005 A resolves the 0.13 A wide W pair feature. */
    static final double GRID = 0.005;

    @Override
    public boolean writeModel(LinearBasis basis, double[] c, ReferenceEnergies e0, java.nio.file.Path file) {
        if (!(basis instanceof AceBasis ace)) {
            return false;
        }
        new org.burgers.ace.model.AceModel(ace.spec(), e0.e0(), c).write(file);
        return true;
    }

    @Override
    public Potential model(LinearBasis basis, double[] c, ReferenceEnergies e0) {
        if (basis instanceof AceBasis ace) {
            return AcePotential.of(ace, c, e0.e0());
        }
        return new LinearModel(basis, c, e0);
    }
}
