package org.burgers.analysis.study;

/**
 * What one experiment of a study measured: one training-cell size L, one loss case, one basis degree.
 * Errors follow the paper: the geometry error ||D ybar - D ybar^ML||_l2 (A), the energy error
 * |E(ybar) - E^ML(ybar^ML)| (eV, each relative to its own perfect lattice), test RMSEs of the fit, and the
 * matching conditions eps_1^V, eps_2^V achieved (eV/A^3). A failed stage is recorded, not hidden.
 *
 * @param id                unique key within the study (file name of its record)
 * @param caseName          "no-elasticity", "cle" or "cle-nonlinear"
 * @param trainingSize      L in units of r0
 * @param degree            total degree D of the basis
 * @param basisSize         number of basis functions
 * @param geometryError     ||D ybar - D ybar^ML||_l2 in A, or NaN if a stage failed
 * @param energyError       |E - E^ML| in eV, or NaN
 * @param testEnergyRmse    meV/atom
 * @param testForceRmse     meV/A
 * @param trainForceRmse    meV/A
 * @param eps1V             |d2W_cb - d2W_cb^ML| (Frobenius, eV/A^3)
 * @param eps2V             |d3W_cb - d3W_cb^ML| (Frobenius, eV/A^3)
 * @param modelConverged    whether the relaxation with the fitted model converged
 * @param modelIterations   its iterations
 * @param failure           null, or what went wrong
 * @param seconds           wall time of the experiment
 */
public record ExperimentResult(String id, String caseName, double trainingSize, int degree, int basisSize,
                               double geometryError, double energyError, double testEnergyRmse,
                               double testForceRmse, double trainForceRmse, double eps1V, double eps2V,
                               boolean modelConverged, int modelIterations, String failure, double seconds) {

    public boolean ok() {
        return failure == null && Double.isFinite(geometryError) && Double.isFinite(energyError);
    }
}
