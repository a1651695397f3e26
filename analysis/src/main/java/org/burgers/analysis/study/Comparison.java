package org.burgers.analysis.study;

import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.BondChanges;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import org.burgers.simulation.relax.Relaxer;

/**
 * Two potentials on one dislocation configuration: both relax the same predictor, and the study's error
 * measures ({@link DislocationErrors}) compare the results. What {@code burgers compare} prints.
 *
 * @param geometryError   ||D ybar - D ybar^ML||_l2 (A), NaN if a relaxation did not converge
 * @param energyError     |E(ybar) - E^ML(ybar^ML)| (eV), each relative to its own perfect lattice
 * @param referenceEnergy E(ybar) - E(perfect lattice on the same sites) (eV)
 * @param modelEnergy     the same for the model (eV)
 * @param natoms          atoms of the configuration
 * @param bondChanges     pairs bonded in one relaxed structure and clearly not in the other ({@link
 *                        org.burgers.simulation.dislocation.BondChanges}): above 0 the model's structure is
 *                        another one (another core); null if a relaxation did not converge
 */
public record Comparison(double geometryError, double energyError, double referenceEnergy, double modelEnergy,
                         int natoms, boolean referenceConverged, boolean modelConverged, int referenceIterations,
                         int modelIterations, double referenceFmax, double modelFmax, Integer bondChanges) {

    public static Comparison of(DislocationConfiguration predictor, Potential reference, Potential model,
                                Relaxer relaxer, RelaxOptions options) {
        Structure start = predictor.structure();
        reference.checkSpecies(start);
        model.checkSpecies(start);
        RelaxResult r = relaxer.relax(start, reference, options);
        RelaxResult m = relaxer.relax(start, model, options);
        Crystal crystal = DislocationErrors.crystal(predictor);
        double er = DislocationErrors.relativeEnergy(reference, r.structure(), crystal);
        double em = DislocationErrors.relativeEnergy(model, m.structure(), crystal);
        boolean ok = r.converged() && m.converged();
        double g = ok ? DislocationErrors.geometryError(DislocationErrors.stencil(predictor), r.structure(),
                m.structure()) : Double.NaN;
        Integer bonds = ok ? BondChanges.count(r.structure(), m.structure(),
                BondChanges.Thresholds.ofCrystal(crystal.conventionalCell())) : null;
        return new Comparison(g, ok ? Math.abs(er - em) : Double.NaN, er, em, start.size(), r.converged(),
                m.converged(), r.iterations(), m.iterations(), r.fmax(), m.fmax(), bonds);
    }
}
