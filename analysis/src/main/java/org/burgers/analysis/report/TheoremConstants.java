package org.burgers.analysis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.burgers.analysis.study.ExperimentResult;

/**
 * The constants C^G and C^E of Theorem 3.1 estimated from a study's measurements: for every successful
 * experiment the right-hand sides of (3.13) and (3.14) are evaluated with the measured matching conditions,
 *
 * <pre>
 *   g = eps^F + log^1/2(L_D) eps_1^V + L^-1 eps_2^V + L^-2                      (3.13)
 *   C^G_i = ||D ybar - D ybar^ML|| / (sqrt(n_D) g)
 *   C^E_i = |E - E^ML| / (n_D (g^2 + L^-2 + eps^E))                              (3.14)
 * </pre>
 *
 * and the ratios summarised per case. The largest ratio is the smallest constant for which the bound holds
 * on every measurement; if the theorem's form is right the ratios of one case stay within a bounded spread
 * as L and the fit accuracy vary (a spread growing without bound would contradict it). The paper could not
 * make this check. Units: eps^F = test force RMSE (eV/A), eps^E = test energy RMSE (eV/atom), eps_1^V and
 * eps_2^V the Frobenius norms of the Cauchy-Born tensor errors (eV/A^3), L and L_D in lattice constants, so
 * C^G carries A per (eV/A) and C^E eV per the bound's mixed units: the constants compare experiments of one
 * study, not studies in different units.
 *
 * @param caseName  the loss case
 * @param points    experiments used
 * @param cG        {min, median, max} of C^G_i
 * @param cE        {min, median, max} of C^E_i
 * @param nD        number of dislocations in the simulation cell
 * @param lD        dislocation separation L_D (r0)
 */
public record TheoremConstants(String caseName, int points, double[] cG, double[] cE, int nD, double lD) {

    /** Per case (in {@link ReportWriter#CASES} order, cases without successful experiments left out). */
    public static List<TheoremConstants> estimate(List<ExperimentResult> results, int nD, double lD) {
        if (nD < 1 || !(lD > 1)) {
            throw new IllegalArgumentException("need n_D >= 1 and L_D > 1 r0, got " + nD + ", " + lD);
        }
        List<TheoremConstants> out = new ArrayList<>();
        for (String c : ReportWriter.CASES) {
            List<Double> g = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (ExperimentResult r : results) {
                if (!r.ok() || !r.caseName().equals(c) || !(r.trainingSize() > 0) || !Double.isFinite(r.eps1V())
                        || !Double.isFinite(r.eps2V()) || !Double.isFinite(r.testForceRmse())
                        || !Double.isFinite(r.testEnergyRmse())) {
                    continue;
                }
                double l = r.trainingSize();
                double bound = r.testForceRmse() * 1e-3 + Math.sqrt(Math.log(lD)) * r.eps1V() + r.eps2V() / l
                        + 1 / (l * l);
                g.add(r.geometryError() / (Math.sqrt(nD) * bound));
                e.add(r.energyError() / (nD * (bound * bound + 1 / (l * l) + r.testEnergyRmse() * 1e-3)));
            }
            if (!g.isEmpty()) {
                out.add(new TheoremConstants(c, g.size(), summary(g), summary(e), nD, lD));
            }
        }
        return out;
    }

    /** {min, median, max}. */
    static double[] summary(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = a.length;
        double median = n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
        return new double[] {a[0], median, a[n - 1]};
    }

    @Override
    public double[] cG() {
        return cG.clone();
    }

    @Override
    public double[] cE() {
        return cE.clone();
    }

    @Override
    public String toString() {
        return caseName + " (" + points + "): C^G " + Arrays.toString(cG) + ", C^E " + Arrays.toString(cE);
    }
}
