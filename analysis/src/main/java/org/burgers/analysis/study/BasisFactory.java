package org.burgers.analysis.study;

import org.burgers.core.basis.LinearBasis;
import org.burgers.core.potential.Potential;
import org.burgers.fitting.data.ReferenceEnergies;

/**
 * The basis stage of a study: the linear site-energy basis of a given total degree (paper (4.15)), and the
 * fitted potential E^ML = sum_B c_B B made from it. Bound in {@link StudyModule}; the default is ACE
 * ({@link AceBasisFactory}); binding another implementation swaps the basis of every experiment.
 */
public interface BasisFactory {

    LinearBasis basis(int degree);

    /**
     * The basis of many-body degree {@code degree} with pair degree {@code pairDegree} (the pair-degree RMSE
     * sweep, {@code rmsePairDegrees}). Bases without a separate pair part cannot honour it and say so.
     */
    default LinearBasis basis(int degree, int pairDegree) {
        throw new org.burgers.core.InputException(getClass().getSimpleName() + " has no pair degree: the "
                + "document's basis.rmsePairDegrees needs a basis with a pair part (ACE)");
    }

    /**
     * Prior rows to add to every fit on {@code basis} (e.g. the curvature prior of the pair function); none by
     * default.
     */
    default java.util.List<org.burgers.fitting.loss.PriorRows> priors(LinearBasis basis) {
        return java.util.List.of();
    }

    /**
     * Writes the fitted model to {@code file} in a form a potential specification loads (ACE: {@code
     * ace:FILE}); returns false if this kind of basis has no model file.
     */
    default boolean writeModel(LinearBasis basis, double[] c, ReferenceEnergies e0, java.nio.file.Path file) {
        return false;
    }

    /** The potential with coefficients {@code c} on {@code basis} (one-body energies {@code e0} added). */
    Potential model(LinearBasis basis, double[] c, ReferenceEnergies e0);
}
