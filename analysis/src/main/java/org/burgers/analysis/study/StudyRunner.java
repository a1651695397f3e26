package org.burgers.analysis.study;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.name.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.burgers.analysis.report.ReportWriter;
import org.burgers.core.InputException;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.stencil.Stencil;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.Fitter;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.ElasticObservation;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.solve.Solver;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import org.burgers.simulation.relax.Relaxer;
import org.burgers.simulation.training.RattledSet;

/**
 * Runs a study (paper section 4.2) from its document, with every stage injected ({@link StudyModule}):
 *
 * <ol>
 * <li>the quadrupole predictor in the simulation cell N, relaxed once with the reference (cached):
 * ybar;</li>
 * <li>for each training size L: the dipole predictor relaxed with the reference (cached), N_train rattled
 * copies (noise alpha, samples 0..N_train-1 of the seed) and N_test more (samples N_train..), labelled
 * with the reference (cached);</li>
 * <li>for each L and each loss case (weights of (4.16)) at the sweep degree, and at the largest L for every
 * degree of the RMSE sweep (case cle-nonlinear), an experiment: fit, relax the same quadrupole predictor
 * with the fitted model (ybar^ML), and record the geometry and energy errors ({@link DislocationErrors}),
 * the test RMSEs and eps_1^V, eps_2^V.</li>
 * </ol>
 * Each finished experiment is stored atomically ({@link ResultStore}); a rerun skips what is stored, so an
 * interrupted study resumes and, the pieces being deterministic, gives the same numbers. A relaxation that
 * does not converge or a fit that fails is recorded as the experiment's failure (with NaN errors), never
 * used; solver warnings (ill-conditioning) are recorded and shown in the report.
 *
 * <p>The elastic observation is the clamped-ion Cauchy-Born d_F^2 W_cb(I), d_F^3 W_cb(I) of the perfect
 * crystal (conventional cell) at the reference lattice constant, for the reference and for every basis
 * function; for bcc and B2 (centrosymmetric sites) it equals the relaxed-ion one at second order; for
 * diamond Si it is the clamped-ion tensor, matched by the model as well.
 */
public final class StudyRunner {
    public static final String RMSE_CASE = "cle-nonlinear";

    private final StudyDocument doc;
    private final Potential reference;
    private final Relaxer relaxer;
    private final Solver solver;
    private final BasisFactory bases;
    private final ConfigurationFactory configurations;
    private final int threads;

    @Inject
    public StudyRunner(StudyDocument doc, @Named("reference") Potential reference, Relaxer relaxer, Solver solver,
                       BasisFactory bases, ConfigurationFactory configurations) {
        this.doc = doc;
        this.reference = reference;
        this.relaxer = relaxer;
        this.solver = solver;
        this.bases = bases;
        this.configurations = configurations;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The runner with the default bindings of the document. */
    public static StudyRunner create(StudyDocument doc) {
        return Guice.createInjector(new StudyModule(doc)).getInstance(StudyRunner.class);
    }

    /** One planned experiment. */
    public record Planned(String id, double trainingSize, String caseName, int degree) {
    }

    public List<Planned> plan() {
        List<Planned> out = new ArrayList<>();
        List<Double> ls = new ArrayList<>(new TreeSet<>(doc.trainingSizes()));
        List<String> cases = new ArrayList<>();
        for (String c : ReportWriter.CASES) {
            if (doc.cases().containsKey(c)) {
                cases.add(c);
            }
        }
        int sweep = doc.basis().degree();
        for (double l : ls) {
            for (String c : cases) {
                out.add(planned(l, c, sweep));
            }
        }
        String rmseCase = cases.contains(RMSE_CASE) ? RMSE_CASE : cases.get(cases.size() - 1);
        double lMax = ls.get(ls.size() - 1);
        if (doc.basis().rmseDegrees() != null) {
            for (int d : new TreeSet<>(doc.basis().rmseDegrees())) {
                if (d != sweep) {
                    out.add(planned(lMax, rmseCase, d));
                }
            }
        }
        return out;
    }

    private static Planned planned(double l, String c, int d) {
        return new Planned(String.format(Locale.ROOT, "L%07.2f-D%02d-%s", l, d, c), l, c, d);
    }

    /**
     * Runs (or resumes) the study into {@code out}, caching reference results under {@code cacheDir} (null:
     * in memory only), and writes the report. Returns the report's JSON tree.
     */
    public Map<String, Object> run(Path out, Path cacheDir, Progress progress) {
        checkSameStudy(out);
        ResultStore store = new ResultStore(out);
        ReferenceCache cache = new ReferenceCache(cacheDir);
        List<Planned> plan = plan();
        List<Planned> todo = plan.stream().filter(p -> store.find(p.id()).isEmpty()).toList();
        progress.line("%s: %d experiments, %d stored, %d to run (system %s, reference %s, N = %g r0, L = %s)",
                doc.name(), plan.size(), plan.size() - todo.size(), todo.size(), doc.system(), doc.reference(),
                doc.simulationSize(), doc.trainingSizes());
        if (!todo.isEmpty()) {
            Context ctx = new Context(cache, progress);
            ctx.prepareReference(out);
            int left = todo.size();
            for (Planned p : todo) {
                progress.line("experiment %s: L = %g, case %s, degree %d", p.id(), p.trainingSize(), p.caseName(), p.degree());
                ExperimentResult r = ctx.experiment(p);
                store.save(r);
                left--;
                double eta = progress.experimentDone(r.seconds(), left);
                progress.line("  %s: geometry %s A (far field %s A), energy %s eV, test F RMSE %s meV/A (%.1f s)%s; %d left, ~%s to go",
                        r.id(), fmt(r.geometryError()), fmt(r.farFieldGeometryError()), fmt(r.energyError()), fmt(r.testForceRmse()), r.seconds(),
                        r.failure() == null ? "" : " FAILED: " + r.failure(), left, Progress.duration(eta));
            }
        }
        Map<String, Object> report = report(out);
        progress.line("report written to %s (report.json, report.md, report.html)", out);
        return report;
    }

    /** Rebuilds the report of a study directory from its stored document and experiments. */
    public static Map<String, Object> report(Path out) {
        Path docFile = out.resolve("study.json");
        if (!Files.exists(docFile)) {
            throw new InputException(out + " is not a study directory (no study.json)");
        }
        StudyDocument d = StudyDocument.read(docFile);
        List<ExperimentResult> results = new ResultStore(out).all();
        if (results.isEmpty() && Files.exists(out.resolve("report.json"))) {
            // a committed report without its experiments/ folder: rebuilding would replace it by an empty one
            throw new InputException("no experiments stored in " + out.resolve("experiments")
                    + "; refusing to overwrite the existing report.json with an empty report");
        }
        List<String> notes = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("document", d);
        Path refFile = out.resolve("reference.json");
        if (Files.exists(refFile)) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> ref = ResultStore.MAPPER.readValue(refFile.toFile(), Map.class);
                settings.put("reference", ref);
                if (!Boolean.TRUE.equals(ref.get("converged"))) {
                    notes.add("the reference relaxation of the quadrupole did NOT converge: " + ref.get("message")
                            + " (fmax " + ref.get("fmax") + " eV/A); no experiment uses it");
                }
            } catch (java.io.IOException e) {
                throw new InputException("cannot read " + refFile + ": " + e.getMessage(), e);
            }
        }
        notes.add("energies are relative to each potential's own perfect lattice on the same sites: E(y) - sum_l e(l), "
                + "e the site energy of l's element in that potential's perfect crystal at the reference lattice constant");
        for (ExperimentResult r : results) {
            for (String w : r.warnings()) {
                notes.add("experiment " + r.id() + ": " + w);
            }
        }
        // Theorem 3.1's constants: n_D = 4 cores of the quadrupole, L_D = N/2 their separation
        List<org.burgers.analysis.report.TheoremConstants> constants = d.system().equals("w-loop") ? List.of()
                : org.burgers.analysis.report.TheoremConstants.estimate(results, 4, d.simulationSize() / 2);
        return ReportWriter.write(out, d.name(), settings, results, d.basis().degree(), notes, constants);
    }

    private void checkSameStudy(Path out) {
        Path docFile = out.resolve("study.json");
        if (Files.exists(docFile)) {
            StudyDocument stored = StudyDocument.read(docFile);
            if (!stored.equals(doc)) {
                throw new InputException(out + " holds the results of a different study document (" + docFile
                        + "); resume only with the same document, or use another --out");
            }
        } else {
            doc.write(docFile);
        }
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "n/a";
    }

    private String relaxKey(String kind, double size, double a0) {
        StudyDocument.Relaxation r = doc.relaxation();
        return String.format(Locale.ROOT, "%s|%s|size=%s|a0=%s|ref=%s|relax=%s,%s,%d", kind, doc.system(),
                Double.toString(size), Double.toString(a0), ReferenceCache.potentialKey(doc.reference()),
                r.method(), Double.toString(r.fmax()), r.maxSteps());
    }

    private RelaxOptions options() {
        StudyDocument.Relaxation r = doc.relaxation();
        return RelaxOptions.of(r.fmax()).withMaxSteps(r.maxSteps()).withMaxForceCalls(2 * r.maxSteps() + 10);
    }

    /** The per-run state: the reference quadrupole and the memoised training sets and bases. */
    private final class Context {
        final ReferenceCache cache;
        final Progress progress;
        DislocationConfiguration predictor;
        ReferenceCache.Relaxation refRelaxed;
        Stencil stencil;
        int[] farSites;
        double farRadius;
        Crystal crystal;
        ReferenceEnergies e0;
        double refEnergy;
        final Map<Double, TrainingData> training = new HashMap<>();
        final Map<Integer, DegreeData> degrees = new HashMap<>();

        Context(ReferenceCache cache, Progress progress) {
            this.cache = cache;
            this.progress = progress;
        }

        void prepareReference(Path out) {
            long t0 = System.nanoTime();
            predictor = configurations.quadrupole(doc.simulationSize());
            double a0 = configurations.a0();
            crystal = predictor.system().crystal(a0);
            Structure start = predictor.structure();
            reference.checkSpecies(start);
            progress.line("reference: a0 = %.6f A; relaxing the quadrupole (N = %g r0, %d atoms) with %s (%s, fmax %g eV/A)",
                    a0, doc.simulationSize(), start.size(), doc.reference(), relaxer.name(), doc.relaxation().fmax());
            refRelaxed = cache.relaxation("quadrupole", relaxKey("quadrupole", doc.simulationSize(), a0),
                    () -> relaxer.relax(start, reference, options()));
            progress.line("  %s: %s after %d iterations, fmax %.2e eV/A (%.1f s)", refRelaxed.fromCache() ? "cached"
                            : "relaxed", refRelaxed.converged() ? "converged" : "NOT converged", refRelaxed.iterations(),
                    refRelaxed.fmax(), (System.nanoTime() - t0) * 1e-9);
            Map<String, Double> site = DislocationErrors.perfectSiteEnergies(reference, crystal);
            e0 = new ReferenceEnergies(site);
            refEnergy = reference.energy(refRelaxed.structure()) - DislocationErrors.perfectEnergy(refRelaxed.structure(), site);
            stencil = DislocationErrors.stencil(predictor);
            farRadius = doc.basis().rcut();
            farSites = DislocationErrors.farFieldSites(predictor, farRadius);
            progress.line("  far field: %d of %d sites farther than %.2f A (the basis cutoff) from every core",
                    farSites.length, start.size(), farRadius);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("natoms", start.size());
            info.put("a0", a0);
            info.put("converged", refRelaxed.converged());
            info.put("iterations", refRelaxed.iterations());
            info.put("fmax", refRelaxed.fmax());
            info.put("message", refRelaxed.message());
            info.put("relativeEnergy", refEnergy);
            info.put("perfectSiteEnergies", site);
            ResultStore.writeAtomically(out.resolve("reference.json"), info);
        }

        TrainingData training(double l) {
            TrainingData td = training.get(l);
            if (td != null) {
                return td;
            }
            long t0 = System.nanoTime();
            DislocationConfiguration dipole = configurations.dipole(l);
            String key = relaxKey("dipole", l, dipole.a0());
            progress.line("training cell L = %g r0: relaxing the dipole (%d atoms) with the reference", l,
                    dipole.structure().size());
            ReferenceCache.Relaxation r = cache.relaxation(String.format(Locale.ROOT, "dipole-L%g", l), key,
                    () -> relaxer.relax(dipole.structure(), reference, options()));
            if (!r.converged()) {
                td = new TrainingData(null, null, String.format(Locale.ROOT, "the reference relaxation of the dipole "
                        + "training cell L = %g did not converge: %s (fmax %.3g eV/A after %d iterations)", l,
                        r.message(), r.fmax(), r.iterations()));
                training.put(l, td);
                return td;
            }
            StudyDocument.Training t = doc.training();
            String setKey = key + String.format(Locale.ROOT, "|alpha=%s|train=%d|test=%d|seed=%d",
                    Double.toString(t.alpha()), t.nTrain(), t.nTest(), t.seed());
            Structure relaxed = r.structure().withoutArrays();
            String type = String.format(Locale.ROOT, "dipole-L%g", l);
            List<LabelledConfiguration> train = cache.labelled(type + "-train", setKey,
                    () -> label(relaxed, 0, t.nTrain(), type));
            List<LabelledConfiguration> test = cache.labelled(type + "-test", setKey,
                    () -> label(relaxed, t.nTrain(), t.nTest(), type));
            progress.line("  dipole %s, %d + %d labelled samples (alpha %g A) (%.1f s)", r.fromCache() ? "cached"
                    : "relaxed in " + r.iterations() + " iterations", train.size(), test.size(), t.alpha(),
                    (System.nanoTime() - t0) * 1e-9);
            td = new TrainingData(train, test, null);
            training.put(l, td);
            return td;
        }

        /** Samples first..first+count-1 of the rattled set of the seed, labelled with the reference. */
        List<Frame> label(Structure relaxed, int first, int count, String type) {
            StudyDocument.Training t = doc.training();
            Frame[] frames = new Frame[count];
            java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
                Structure s = RattledSet.rattle(relaxed, t.alpha(), t.seed(), first + k);
                Evaluation e = reference.evaluate(s, Request.FORCES);
                frames[k] = Frame.labelled(s, e.energy(), e.forces(), e.virial()).withInfo("config_type", type);
            });
            return List.of(frames);
        }

        DegreeData degree(int d) {
            return degrees.computeIfAbsent(d, k -> {
                long t0 = System.nanoTime();
                LinearBasis basis = bases.basis(k);
                Structure cell = crystal.conventionalCell().withoutArrays();
                String name = String.format(Locale.ROOT, "%s %s a=%.6f", crystal.lattice().name(),
                        String.join(",", crystal.distinctSpecies()), crystal.a());
                ElasticObservation el = ElasticObservation.of(name, reference, basis, cell, true);
                progress.line("basis of degree %d: %d functions; elastic observations of the reference and the basis "
                        + "(%.1f s)", k, basis.size(), (System.nanoTime() - t0) * 1e-9);
                return new DegreeData(basis, el);
            });
        }

        ExperimentResult experiment(Planned p) {
            long t0 = System.nanoTime();
            StudyDocument.Weights w = doc.cases().get(p.caseName());
            int basisSize = 0;
            double teE = Double.NaN, teF = Double.NaN, trF = Double.NaN, eps1 = Double.NaN, eps2 = Double.NaN;
            boolean conv = false;
            int iters = 0;
            List<String> warnings = new ArrayList<>();
            String failure = null;
            double geometry = Double.NaN, energyErr = Double.NaN, modelEnergy = Double.NaN, far = Double.NaN;
            try {
                if (!refRelaxed.converged()) {
                    throw new StageFailure("the reference relaxation of the quadrupole did not converge: "
                            + refRelaxed.message() + " (fmax " + refRelaxed.fmax() + " eV/A)");
                }
                TrainingData td = training(p.trainingSize());
                if (td.failure() != null) {
                    throw new StageFailure(td.failure());
                }
                DegreeData dd = degree(p.degree());
                basisSize = dd.basis().size();
                long tf = System.nanoTime();
                Fitter.Result fit = Fitter.fit(dd.basis(), td.train(), td.test(),
                        new LossWeights(w.energy(), w.force(), w.virial(), w.d1V(), w.d2V()), e0, Map.of(),
                        List.of(dd.elastic()), solver, threads, doc.elasticRowUnit(), bases.priors(dd.basis()));
                for (String s : fit.solution().warnings()) {
                    warnings.add(fit.solution().solver() + ": " + s);
                }
                teE = orNaN(fit.test().all().energyRmse());
                teF = orNaN(fit.test().all().forceRmse());
                trF = orNaN(fit.train().all().forceRmse());
                eps1 = fit.matching().get(0).eps1V();
                eps2 = fit.matching().get(0).eps2V();
                double fitSeconds = (System.nanoTime() - tf) * 1e-9;
                Potential model = bases.model(dd.basis(), fit.model().coefficients(), e0);
                long tr = System.nanoTime();
                RelaxResult mr = relaxer.relax(predictor.structure(), model, options());
                conv = mr.converged();
                iters = mr.iterations();
                progress.line("  fit %d x %d in %.1f s (test F RMSE %.2f meV/A, eps1V %.2e); model relaxation %s after "
                                + "%d iterations (%.1f s)", fit.rows(), fit.cols(), fitSeconds, teF, eps1,
                        conv ? "converged" : "NOT converged", iters, (System.nanoTime() - tr) * 1e-9);
                if (!conv) {
                    throw new StageFailure("the relaxation with the fitted model did not converge: " + mr.message()
                            + String.format(Locale.ROOT, " (fmax %.3g eV/A after %d iterations)", mr.fmax(), iters));
                }
                Structure yMl = mr.structure();
                geometry = DislocationErrors.geometryError(stencil, refRelaxed.structure(), yMl);
                far = farSites.length == 0 ? Double.NaN
                        : org.burgers.core.stencil.GeometryError.of(stencil, refRelaxed.structure(), yMl, farSites);
                modelEnergy = model.energy(yMl) - DislocationErrors.perfectEnergy(yMl,
                        DislocationErrors.perfectSiteEnergies(model, crystal));
                energyErr = Math.abs(refEnergy - modelEnergy);
                if (!Double.isFinite(geometry) || !Double.isFinite(energyErr)) {
                    throw new StageFailure("non-finite error measure (geometry " + geometry + ", energy " + energyErr + ")");
                }
            } catch (StageFailure e) {
                failure = e.getMessage();
                geometry = Double.NaN;
                energyErr = Double.NaN;
                far = Double.NaN;
            } catch (RuntimeException e) {
                // a fit or relaxation that blew up (singular system, overlapping atoms): recorded, not hidden
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                geometry = Double.NaN;
                energyErr = Double.NaN;
                far = Double.NaN;
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            return new ExperimentResult(p.id(), p.caseName(), p.trainingSize(), p.degree(), basisSize, geometry,
                    energyErr, teE, teF, trF, eps1, eps2, conv, iters, failure, seconds, refEnergy, modelEnergy, warnings,
                    far, farRadius, farSites.length);
        }
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private record TrainingData(List<LabelledConfiguration> train, List<LabelledConfiguration> test, String failure) {
    }

    private record DegreeData(LinearBasis basis, ElasticObservation elastic) {
    }

    /** A stage that did not deliver (unconverged relaxation): the experiment records it as its failure. */
    static final class StageFailure extends RuntimeException {
        StageFailure(String message) {
            super(message);
        }
    }
}
