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
 * @param seconds           wall time of the experiment (not a result: excluded when runs are compared)
 * @param referenceEnergy   E(ybar) relative to the reference's perfect lattice on the same sites (eV)
 * @param modelEnergy       E^ML(ybar^ML) relative to the model's perfect lattice on the same sites (eV)
 * @param warnings          what the solver or a stage warned about (ill-conditioning, no convergence)
 * @param farFieldGeometryError the geometry error restricted to the far field: the sites farther than
 *                          {@code farFieldRadius} (in the plane normal to the line) from every core, A, or NaN.
 *                          The core error (eps^F of (3.13)) sits near the cores; what the elastic rows of the
 *                          loss change, the response of the crystal between the cores, is measured here
 * @param farFieldRadius    the radius of the excluded core regions (A): the basis cutoff
 * @param farFieldSites     how many sites the far field has
 * @param pairDegree        the pair degree of the basis, or null in records stored before it was recorded
 *                          (then the document's); experiments of the pair-degree RMSE sweep differ from the
 *                          L sweep only in it
 * @param ybarForceRmse     rms of the fitted model's force components at the reference equilibrium ybar
 *                          (meV/A; the reference's own is below fmax there): the consistency error that drives
 *                          the geometry error, or null / NaN (older records, failed fits)
 * @param ybarFarFieldForceRmse the same over the far-field sites only
 * @param eps1RelaxedV      |C_rel - C_rel^ML| over the 81 components of the relaxed-ion tensors (eV/A^3): on a
 *                          lattice with internal relaxation (diamond) what the far field feels, while eps1V is
 *                          then over strain and sublattice shifts (the fitted rows); equal to eps1V on bcc and
 *                          B2; null in older records, infinite when the model's sublattice shift is unstable
 * @param modelRelaxedCubicGPa the fitted model's relaxed-ion C11, C12, C44 (GPa) on the observation's crystal, or
 *                          null (older records, failed fits, unstable shift)
 * @param minimizerForceError rms over the training cells' atoms of F^ML - F at the training-cell minimizer ybar_L
 *                          (meV/A): the force matching condition eps^F of (3.9) at the centre of its ball
 *                          B_delta(ybar_L), where Table 1's rates assume it vanishes; null in older records
 */
public record ExperimentResult(String id, String caseName, double trainingSize, int degree, int basisSize,
                               double geometryError, double energyError, double testEnergyRmse,
                               double testForceRmse, double trainForceRmse, double eps1V, double eps2V,
                               boolean modelConverged, int modelIterations, String failure, double seconds,
                               double referenceEnergy, double modelEnergy, java.util.List<String> warnings,
                               double farFieldGeometryError, double farFieldRadius, int farFieldSites,
                               Integer pairDegree, Double ybarForceRmse, Double ybarFarFieldForceRmse,
                               Double eps1RelaxedV, java.util.List<Double> modelRelaxedCubicGPa,
                               Double minimizerForceError, Integer bondChanges) {

    public ExperimentResult {
        warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
        modelRelaxedCubicGPa = modelRelaxedCubicGPa == null ? null : java.util.List.copyOf(modelRelaxedCubicGPa);
    }

    /** Without the pair degree (records stored before it was recorded). */
    public ExperimentResult(String id, String caseName, double trainingSize, int degree, int basisSize,
                            double geometryError, double energyError, double testEnergyRmse, double testForceRmse,
                            double trainForceRmse, double eps1V, double eps2V, boolean modelConverged,
                            int modelIterations, String failure, double seconds, double referenceEnergy,
                            double modelEnergy, java.util.List<String> warnings, double farFieldGeometryError,
                            double farFieldRadius, int farFieldSites) {
        this(id, caseName, trainingSize, degree, basisSize, geometryError, energyError, testEnergyRmse,
                testForceRmse, trainForceRmse, eps1V, eps2V, modelConverged, modelIterations, failure, seconds,
                referenceEnergy, modelEnergy, warnings, farFieldGeometryError, farFieldRadius, farFieldSites, null,
                null, null, null, null, null, null);
    }

    /** Without the energies and warnings (synthetic results in tests). */
    public ExperimentResult(String id, String caseName, double trainingSize, int degree, int basisSize,
                            double geometryError, double energyError, double testEnergyRmse, double testForceRmse,
                            double trainForceRmse, double eps1V, double eps2V, boolean modelConverged,
                            int modelIterations, String failure, double seconds) {
        this(id, caseName, trainingSize, degree, basisSize, geometryError, energyError, testEnergyRmse,
                testForceRmse, trainForceRmse, eps1V, eps2V, modelConverged, modelIterations, failure, seconds,
                Double.NaN, Double.NaN, java.util.List.of(), Double.NaN, Double.NaN, 0, null, null, null, null, null, null, null);
    }

    /** Without the far-field error (records stored before it was measured). */
    public ExperimentResult(String id, String caseName, double trainingSize, int degree, int basisSize,
                            double geometryError, double energyError, double testEnergyRmse, double testForceRmse,
                            double trainForceRmse, double eps1V, double eps2V, boolean modelConverged,
                            int modelIterations, String failure, double seconds, double referenceEnergy,
                            double modelEnergy, java.util.List<String> warnings) {
        this(id, caseName, trainingSize, degree, basisSize, geometryError, energyError, testEnergyRmse,
                testForceRmse, trainForceRmse, eps1V, eps2V, modelConverged, modelIterations, failure, seconds,
                referenceEnergy, modelEnergy, warnings, Double.NaN, Double.NaN, 0, null, null, null, null, null, null, null);
    }

    /**
     * Whether this experiment belongs to the L sweep of a study whose sweep has many-body degree {@code
     * sweepDegree} and pair degree {@code sweepPairDegree} (a record without a pair degree has the document's).
     */
    public boolean inSweep(int sweepDegree, int sweepPairDegree) {
        return degree == sweepDegree && (pairDegree == null || pairDegree == sweepPairDegree);
    }

    /** The basis of this experiment, "D" or "D/P" (many-body / pair degree), to tell the RMSE sweep's apart. */
    public String basisKey() {
        return pairDegree == null ? Integer.toString(degree) : degree + "/" + pairDegree;
    }

    public boolean ok() {
        return failure == null && Double.isFinite(geometryError) && Double.isFinite(energyError);
    }
}
