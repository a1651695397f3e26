package org.burgers.analysis.study;

import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.ExternalLoad;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.stencil.GeometryError;
import org.burgers.core.stencil.Stencil;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import org.burgers.simulation.relax.Relaxer;

/**
 * Where a fitted model's geometry error comes from: near the cores or in the elastic far field.
 *
 * <p>The model's force at the reference equilibrium, {@code F^ML(ybar)} (the reference's is below its
 * tolerance there), is the residual that drives the error {@code ybar^ML - ybar}; to first order the error is
 * the model's linear response to it. The proof of Theorem 3.1 bounds the residual in two regions: within the
 * training radius R of a core the environments are those of the training cell and the residual is the fit
 * error (eps^F in (3.13)); beyond R the configuration is an elastic field and the residual is the elastic
 * mismatch, {@code eps_1^V |Du| + eps_2^V |Du|^2 + O(|D^2 u|)}, which is what gives Table 1's rates in L.
 * This measures the two parts separately: three relaxations of the model from ybar,
 * <ul>
 * <li>full: the model as it is (the study's error, started from ybar rather than the predictor);</li>
 * <li>near only: under the external load {@code -F^ML(ybar)} on the sites beyond R, so that only the residual
 * within R acts ({@link ExternalLoad});</li>
 * <li>far only: under {@code -F^ML(ybar)} on the sites within R, so that only the far-field residual acts.</li>
 * </ul>
 * In the linear regime the full error is the sum of the two responses, and the far-only error is the term
 * whose decay in L Table 1 predicts. Each load is corrected by a uniform force so that it has no net force
 * (otherwise no equilibrium exists in the periodic cell): the model's forces sum to zero, so the near and far
 * residuals carry opposite net forces, which this spreads over all sites.
 *
 * @param id               the experiment
 * @param caseName         its loss case
 * @param trainingSize     its L (r0)
 * @param radius           R (A): the training radius, sites closer than R to a core line are "near"
 * @param nearSites        how many sites are near
 * @param residualNear     rms of F^ML(ybar) - F(ybar) over the near sites (meV/A)
 * @param residualFar      the same over the far sites (meV/A)
 * @param geometryStudy    the study's geometry error of the experiment, relaxed from the predictor (A); where it
 *                         differs from geometryFull the model has another minimum near the predictor than
 *                         near ybar, and the split describes the one near ybar
 * @param geometryFull     ||D ybar^ML - D ybar||, relaxed from ybar (A)
 * @param geometryNearOnly the same with only the near residual acting (A)
 * @param geometryFarOnly  the same with only the far residual acting (A)
 * @param energyNear       sum over the near sites of the site-energy error at ybar, each site energy relative
 *                         to its potential's perfect crystal: (e^ML_l(ybar) - e^ML_0) - (e_l(ybar) - e_0) (eV);
 *                         null in records written before it existed
 * @param energyFar        the same over the far sites (eV); energyNear + energyFar = E^ML(ybar) - E(ybar), the
 *                         energy error but for the relaxation term E^ML(ybar) - E^ML(ybar^ML) >= 0
 * @param iterations       iterations of the three relaxations (full, near only, far only)
 * @param failure          null, or why a relaxation failed (its errors are NaN)
 * @param seconds          wall time
 */
public record ResidualSplit(String id, String caseName, double trainingSize, double radius, int nearSites,
                            double residualNear, double residualFar, double geometryStudy, double geometryFull,
                            double geometryNearOnly, double geometryFarOnly, Double energyNear, Double energyFar, int[] iterations,
                            String failure, double seconds) {

    /**
     * Splits the error of {@code model} on the configuration {@code predictor} whose reference equilibrium is
     * {@code ybar}, at radius {@code radius} from the cores; with {@code splitEnergy} the site-energy errors at
     * ybar ({@link #siteEnergyErrors}) are summed over the two regions (a model without a perfect crystal of its
     * own, such as a potential under a load, cannot have them).
     */
    public static ResidualSplit of(String id, String caseName, double trainingSize, double geometryStudy,
                                   DislocationConfiguration predictor,
                                   Structure ybar, Stencil stencil, Potential reference, Potential model,
                                   double radius, Relaxer relaxer, RelaxOptions options, boolean splitEnergy) {
        long t0 = System.nanoTime();
        int[] far = DislocationErrors.farFieldSites(predictor, radius);
        int[] near = complement(ybar.size(), far);
        Evaluation ml = model.evaluate(ybar, Request.ALL);
        Evaluation ref = reference.evaluate(ybar, Request.ALL);
        double[] fMl = ml.forces();
        double[] residual = difference(fMl, ref.forces());
        double rmsNear = 1000 * StudyRunner.rms(residual, near);
        double rmsFar = 1000 * StudyRunner.rms(residual, far);
        // full: nothing cancelled; near only: the far residual cancelled; far only: the near one
        int[][] cancelled = {null, far, near};
        double[] g = new double[3];
        int[] iterations = new int[3];
        String failure = null;
        String[] names = {"full", "near-only", "far-only"};
        for (int k = 0; k < 3; k++) {
            RelaxResult r = relaxCancelled(model, fMl, cancelled[k], ybar, relaxer, options);
            iterations[k] = r.iterations();
            if (!r.converged()) {
                failure = String.format(java.util.Locale.ROOT, "the %s relaxation did not converge: %s (fmax %.3g "
                        + "eV/A after %d iterations)", names[k], r.message(), r.fmax(), r.iterations());
                g[k] = Double.NaN;
            } else {
                g[k] = GeometryError.of(stencil, ybar, r.structure());
            }
        }
        Double eNear = null, eFar = null;
        if (splitEnergy) {
            double[] de = siteEnergyErrors(predictor, ybar, reference, model, ml, ref);
            eNear = sum(de, near);
            eFar = sum(de, far);
        }
        return new ResidualSplit(id, caseName, trainingSize, radius, near.length, rmsNear, rmsFar, geometryStudy, g[0],
                g[1], g[2], eNear, eFar, iterations, failure, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * The far-only error as a function of the radius: for each radius R, the geometry error of the model
     * relaxed from ybar with only its residual beyond R from the cores acting ({@code -F^ML(ybar)} cancelled
     * within R, the load's net force spread evenly). Where the residual that drives the error lives: if it is
     * the elastic mismatch of the far field, this falls with R as Table 1's rate does with L. NaN where a
     * relaxation did not converge. {@code rms[k]} receives the residual rms beyond radius k (meV/A), {@code
     * energy[k]} the sum of the site-energy errors at ybar beyond it (eV, {@link #siteEnergyErrors}).
     */
    public static double[] farOnlyProfile(DislocationConfiguration predictor, Structure ybar, Stencil stencil,
                                          Potential reference, Potential model, double[] radii, Relaxer relaxer,
                                          RelaxOptions options, double[] rms, double[] energy) {
        Evaluation ml = model.evaluate(ybar, Request.ALL);
        Evaluation ref = reference.evaluate(ybar, Request.ALL);
        double[] de = siteEnergyErrors(predictor, ybar, reference, model, ml, ref);
        double[] fMl = ml.forces();
        double[] residual = difference(fMl, ref.forces());
        double[] g = new double[radii.length];
        for (int k = 0; k < radii.length; k++) {
            int[] far = DislocationErrors.farFieldSites(predictor, radii[k]);
            rms[k] = 1000 * StudyRunner.rms(residual, far);
            energy[k] = sum(de, far);
            RelaxResult r = relaxCancelled(model, fMl, complement(ybar.size(), far), ybar, relaxer, options);
            g[k] = r.converged() ? GeometryError.of(stencil, ybar, r.structure()) : Double.NaN;
        }
        return g;
    }

    /**
     * The site-energy error at ybar of every site, each site energy relative to its own potential's perfect
     * crystal ({@link DislocationErrors#perfectSiteEnergies}): their sum is E^ML(ybar) - E(ybar) in the study's
     * energy convention (A.4).
     */
    static double[] siteEnergyErrors(DislocationConfiguration predictor, Structure ybar, Potential reference,
                                     Potential model) {
        return siteEnergyErrors(predictor, ybar, reference, model, model.evaluate(ybar, Request.ALL),
                reference.evaluate(ybar, Request.ALL));
    }

    /** The same from the two potentials' evaluations at ybar (with site energies). */
    private static double[] siteEnergyErrors(DislocationConfiguration predictor, Structure ybar, Potential reference,
                                             Potential model, Evaluation atYbarMl, Evaluation atYbar) {
        var crystal = DislocationErrors.crystal(predictor);
        var e0Ml = DislocationErrors.perfectSiteEnergies(model, crystal);
        var e0 = DislocationErrors.perfectSiteEnergies(reference, crystal);
        double[] ml = atYbarMl.siteEnergies();
        double[] ref = atYbar.siteEnergies();
        double[] out = new double[ybar.size()];
        for (int i = 0; i < out.length; i++) {
            String el = ybar.element(i).symbol();
            out[i] = (ml[i] - e0Ml.get(el)) - (ref[i] - e0.get(el));
        }
        return out;
    }

    /**
     * The model relaxed from ybar with its own force there, {@code fMl}, cancelled on the sites {@code cancel}
     * (null: the model as it is). The cancelling load's net force is given back evenly to every
     * site: a load with a net force has no equilibrium in a periodic cell (the model's forces always sum to
     * zero), and spread over all n sites it is a body force of order 1/n of it.
     */
    private static RelaxResult relaxCancelled(Potential model, double[] fMl, int[] cancel, Structure ybar,
                                              Relaxer relaxer, RelaxOptions options) {
        if (cancel == null) {
            return relaxer.relax(ybar, model, options);
        }
        double[] load = new double[fMl.length];
        for (int i : cancel) {
            for (int c = 0; c < 3; c++) {
                load[3 * i + c] = -fMl[3 * i + c];
            }
        }
        zeroNet(load);
        return relaxer.relax(ybar, new ExternalLoad(model, load, ybar.positions()), options);
    }

    /** The sites 0..n-1 not in {@code sites} (ascending). */
    private static int[] complement(int n, int[] sites) {
        boolean[] in = new boolean[n];
        for (int i : sites) {
            in[i] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> !in[i]).toArray();
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }

    private static double sum(double[] values, int[] sites) {
        double s = 0;
        for (int i : sites) {
            s += values[i];
        }
        return s;
    }

    /** Subtracts the mean of each Cartesian component, so the flat 3n load has no net force. */
    static void zeroNet(double[] load) {
        int n = load.length / 3;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += load[3 * i + c];
            }
            double mean = sum / n;
            for (int i = 0; i < n; i++) {
                load[3 * i + c] -= mean;
            }
        }
    }
}
