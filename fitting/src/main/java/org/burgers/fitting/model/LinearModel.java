package org.burgers.fitting.model;

import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.basis.LinearBasisPotential;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.data.ReferenceEnergies;

/**
 * A fitted linear model as a {@link Potential}: E = sum_k c_k B_k + sum_i E0(species_i), forces and virial
 * the same contraction of the basis features. Generic over any {@link LinearBasis}, which makes it the
 * independent check of the assembled rows (predictions are recomputed from the features, not from A).
 * Site energies and Hessians are not available through the LinearBasis contract.
 */
public record LinearModel(LinearBasis basis, double[] coefficients, ReferenceEnergies e0) implements LinearBasisPotential {

    public LinearModel {
        if (coefficients.length != basis.size()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + basis.size() + " functions");
        }
        coefficients = coefficients.clone();
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList list, Request request) {
        checkList(list);
        if (request.hessian() || request.siteEnergies()) {
            throw new UnsupportedOperationException("a LinearBasis model gives no site energies or Hessian");
        }
        Features f = basis.features(s, list, request.forces(), request.virial());
        int n = basis.size();
        double e = e0.total(s);
        for (int k = 0; k < n; k++) {
            e += coefficients[k] * f.energy()[k];
        }
        double[] forces = request.forces() ? contract(f.forces(), 3 * s.size(), n) : null;
        double[] virial = request.virial() ? contract(f.virial(), 9, n) : null;
        return new Evaluation(e, null, forces, virial, null);
    }

    private double[] contract(double[] rows, int q, int n) {
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            double s = 0;
            int off = i * n;
            for (int k = 0; k < n; k++) {
                s += rows[off + k] * coefficients[k];
            }
            out[i] = s;
        }
        return out;
    }
}
