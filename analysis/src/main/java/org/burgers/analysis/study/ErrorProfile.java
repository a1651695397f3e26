package org.burgers.analysis.study;

/**
 * The far-only error of one fitted model as a function of the radius beyond which its residual acts
 * ({@link ResidualSplit#farOnlyProfile}).
 *
 * @param id             the experiment
 * @param caseName       its loss case
 * @param trainingSize   its L (r0)
 * @param radii          the radii R (A)
 * @param farOnly        ||D ybar^ML - D ybar|| with only the residual beyond R acting (A), NaN if not converged
 * @param residualBeyond rms of F^ML(ybar) - F(ybar) beyond R (meV/A)
 * @param energyBeyond   sum of the site-energy errors at ybar beyond R (eV; null in records written before it)
 * @param seconds        wall time
 * @param geometryStudy  the study's geometry error of the experiment (A; null in records written before it): a
 *                       far-only error well above it means the response is not linear
 */
public record ErrorProfile(String id, String caseName, double trainingSize, double[] radii, double[] farOnly,
                           double[] residualBeyond, double[] energyBeyond, double seconds, Double geometryStudy) {
}
