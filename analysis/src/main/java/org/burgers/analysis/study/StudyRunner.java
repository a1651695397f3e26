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
import org.burgers.core.structure.Structure;
import org.burgers.fitting.Fitter;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.ElasticObservation;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.solve.Solver;
import org.burgers.simulation.dislocation.BondChanges;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.PerfectCrystalCheck;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.relax.MoveMask;
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
 * copies (noise alpha, or the levels alphas in turn; samples 0..N_train-1 of the seed) and N_test more
 * (samples N_train..), labelled
 * with the reference (cached);</li>
 * <li>for each L and each loss case (weights of (4.16)) at the sweep degree, and at the largest L for every
 * degree of the RMSE sweep (case cle-nonlinear), an experiment: fit, relax the same quadrupole predictor
 * with the fitted model (ybar^ML), and record the geometry and energy errors ({@link DislocationErrors}),
 * the test RMSEs and eps_1^V, eps_2^V.</li>
 * </ol>
 * The loop study (section 4.3, {@link LoopConfigurationFactory}) differs only in what the
 * {@link ConfigurationFactory} provides: two training cells per L (screw and edge dipoles, the samples split
 * evenly) and a simulation configuration per L (a loop of diameter L in the cell N), each relaxed once per L
 * ({@link SimulationReference}).
 * Each finished experiment is stored atomically ({@link ResultStore}); a rerun skips what is stored, so an
 * interrupted study resumes and, the pieces being deterministic, gives the same numbers. A relaxation that
 * does not converge or a fit that fails is recorded as the experiment's failure (with NaN errors), never
 * used; solver warnings (ill-conditioning) are recorded and shown in the report.
 *
 * <p>The elastic observation is the Cauchy-Born d_F^2 W_cb(I), d_F^3 W_cb(I) of the perfect crystal
 * (conventional cell) at the reference lattice constant, for the reference and for every basis function; for
 * bcc and B2 (centrosymmetric sites) the clamped-ion tensors, which are the relaxed-ion ones; for diamond Si
 * the second-order rows also take the sublattice shift as a variable, so that the model's relaxed-ion C is the
 * reference's (the document's {@code elasticShifts}, {@link ElasticObservation}).
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

    /**
     * One planned experiment. {@code pairDegree} is the pair degree of its basis; {@code pairSwept} marks the
     * experiments of the pair-degree RMSE sweep (their ids carry {@code -P<pair degree>}).
     */
    public record Planned(String id, double trainingSize, String caseName, int degree, int pairDegree,
                          boolean pairSwept) {
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
        StudyDocument.Basis b = doc.basis();
        int sweep = b.degree();
        for (double l : ls) {
            for (String c : cases) {
                out.add(planned(l, c, sweep, b.pairDegreeFor(sweep), false));
            }
        }
        String rmseCase = cases.contains(RMSE_CASE) ? RMSE_CASE : cases.get(cases.size() - 1);
        double lMax = ls.get(ls.size() - 1);
        if (b.rmseDegrees() != null) {
            for (int d : new TreeSet<>(b.rmseDegrees())) {
                if (d != sweep) {
                    out.add(planned(lMax, rmseCase, d, b.pairDegreeFor(d), false));
                }
            }
        }
        if (b.rmsePairDegrees() != null) {
            for (int p : new TreeSet<>(b.rmsePairDegrees())) {
                if (p != b.pairDegreeFor(sweep)) {
                    out.add(planned(lMax, rmseCase, sweep, p, true));
                }
            }
        }
        return out;
    }

    private static Planned planned(double l, String c, int d, int pair, boolean pairSwept) {
        String id = pairSwept ? String.format(Locale.ROOT, "L%07.2f-D%02d-P%03d-%s", l, d, pair, c)
                : String.format(Locale.ROOT, "L%07.2f-D%02d-%s", l, d, c);
        return new Planned(id, l, c, d, pair, pairSwept);
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
            try {
                Files.createDirectories(out.resolve("models"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + out.resolve("models"), e);
            }
            Context ctx = new Context(cache, progress, out);
            ctx.prepareReference(out);
            int left = todo.size();
            for (Planned p : todo) {
                progress.line("experiment %s: L = %g, case %s, degree %d, pair degree %d", p.id(), p.trainingSize(),
                        p.caseName(), p.degree(), p.pairDegree());
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

    /**
     * The residual split ({@link ResidualSplit}) of the stored experiments of the study in {@code out} at the
     * sweep degree: for each, three relaxations of its stored model from the reference equilibrium, near
     * radius {@code radiusPerL * L * a0}. Only the experiments whose case is in {@code cases} and whose L is in
     * {@code sizes} (null: all) are split. Each split is stored atomically in {@code out/split/ID.json}, so an
     * interrupted run resumes; {@code out/split.json} and {@code out/split.md} summarise them with the slopes
     * against L of the near-only and far-only errors. A document whose relaxation differs from the stored
     * study's relaxes the reference and the models to its tolerance and writes to {@code split-fmaxF}.
     */
    public List<ResidualSplit> split(Path out, Path cacheDir, Progress progress, double radiusPerL,
                                     java.util.Set<String> cases, java.util.Set<Double> sizes) {
        if (!(radiusPerL > 0) || !Double.isFinite(radiusPerL)) {
            throw new InputException("--radius must be a positive multiple of L r0, got " + radiusPerL);
        }
        String name = "split" + diagnosticTag(out);
        List<ResidualSplit> done = perExperiment(out, cacheDir, progress, cases, sizes, name, ResidualSplit.class,
                (r, s) -> Math.abs(s.radius() - radiusPerL * r.trainingSize() * configurations.a0()) < 1e-9,
                (r, ref, model) -> {
                    double radius = radiusPerL * r.trainingSize() * ref.predictor().a0();
                    progress.line("split %s: near = within %.2f A of a core; three relaxations from ybar", r.id(),
                            radius);
                    ResidualSplit s = ResidualSplit.of(r.id(), r.caseName(), r.trainingSize(), r.geometryError(),
                            ref.predictor(),
                            ref.relaxed().structure(), ref.stencil(), reference, model, radius, relaxer, options(), true);
                    progress.line("  residual rms near / far %.3f / %.3f meV/A; geometry full %s, near only %s, far "
                                    + "only %s A; site-energy error near / far %.4f / %.4f eV (%.1f s)%s",
                            s.residualNear(), s.residualFar(), fmt(s.geometryFull()), fmt(s.geometryNearOnly()),
                            fmt(s.geometryFarOnly()), s.energyNear(), s.energyFar(), s.seconds(),
                            s.failure() == null ? "" : " FAILED: " + s.failure());
                    return s;
                });
        org.burgers.analysis.report.SplitReport.write(out, name, doc.name(), radiusPerL, doc.relaxation().fmax(), done);
        return done;
    }

    /**
     * The far-only error profiles ({@link ResidualSplit#farOnlyProfile}) of the selected stored experiments at
     * the radii {@code radii} (A, or with {@code perL} multiples of each experiment's L r0), one relaxation per
     * radius; stored in {@code out/profile/ID.json} (resumable: a stored profile at other radii is computed
     * again) and summarised in {@code out/profile.md} with each profile's slope against R.
     */
    public List<ErrorProfile> profile(Path out, Path cacheDir, Progress progress, double[] radii, boolean perL,
                                      java.util.Set<String> cases, java.util.Set<Double> sizes) {
        for (double r : radii) {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new InputException("--profile radii must be positive, got " + r);
            }
        }
        String name = "profile" + diagnosticTag(out);
        java.util.function.Function<ExperimentResult, double[]> at = r -> {
            double[] a = radii.clone();
            for (int k = 0; k < a.length && perL; k++) {
                a[k] *= r.trainingSize() * configurations.a0();
            }
            return a;
        };
        List<ErrorProfile> done = perExperiment(out, cacheDir, progress, cases, sizes, name, ErrorProfile.class,
                (r, p) -> java.util.Arrays.equals(p.radii(), at.apply(r)),
                (r, ref, model) -> {
                    double[] rs = at.apply(r);
                    progress.line("profile %s: far-only error beyond %s A", r.id(), java.util.Arrays.toString(rs));
                    long t0 = System.nanoTime();
                    double[] rms = new double[rs.length];
                    double[] energy = new double[rs.length];
                    double[] g = ResidualSplit.farOnlyProfile(ref.predictor(), ref.relaxed().structure(),
                            ref.stencil(), reference, model, rs, relaxer, options(), rms, energy);
                    ErrorProfile e = new ErrorProfile(r.id(), r.caseName(), r.trainingSize(), rs, g, rms,
                            energy, (System.nanoTime() - t0) * 1e-9, r.geometryError());
                    progress.line("  far-only error %s A (%.1f s)", java.util.Arrays.toString(g), e.seconds());
                    return e;
                });
        org.burgers.analysis.report.SplitReport.writeProfiles(out, name, doc.name(), doc.relaxation().fmax(), done);
        return done;
    }

    /**
     * The suffix of the diagnostics' files in the study directory {@code out}: empty when this runner relaxes as
     * the stored study did, {@code -fmaxF} when its document has another tolerance F.
     */
    public String diagnosticTag(Path out) {
        StudyDocument.Relaxation stored = StudyDocument.read(out.resolve("study.json")).relaxation();
        return stored.equals(doc.relaxation()) ? "" : "-fmax" + doc.relaxation().fmax();
    }

    /** What {@link #perExperiment} does with one stored experiment, its simulation reference and its model. */
    private interface PerExperiment<T> {
        T run(ExperimentResult r, SimulationReference ref, Potential model);
    }

    /**
     * Runs {@code body} on every selected stored experiment of the sweep degree whose result is not yet in
     * {@code out/SUBDIR/ID.json}, storing each result there atomically; returns all selected results.
     */
    private <T> List<T> perExperiment(Path out, Path cacheDir, Progress progress, java.util.Set<String> cases,
                                      java.util.Set<Double> sizes, String subdir, Class<T> type,
                                      java.util.function.BiPredicate<ExperimentResult, T> stillValid,
                                      PerExperiment<T> body) {
        if (!Files.exists(out.resolve("study.json"))) {
            throw new InputException(out + " is not a study directory (no study.json)");
        }
        // the stored study, up to the relaxation: a diagnostic may relax (the reference too) more tightly
        StudyDocument stored = StudyDocument.read(out.resolve("study.json"));
        if (!stored.withRelaxation(doc.relaxation()).equals(doc)) {
            throw new InputException(out + " holds the results of a different study document; split it with its "
                    + "own document (only the relaxation may differ)");
        }
        if (configurations.simulationFollowsTrainingSize()) {
            throw new InputException("the residual split needs straight dislocation lines; the " + doc.system()
                    + " study has a configuration per L");
        }
        List<ExperimentResult> todo = new ArrayList<>();
        for (ExperimentResult r : new ResultStore(out).all()) {
            boolean sweep = r.degree() == doc.basis().degree() && !r.id().contains("-P");
            if (sweep && r.failure() == null && (cases == null || cases.contains(r.caseName()))
                    && (sizes == null || sizes.contains(r.trainingSize()))) {
                todo.add(r);
            }
        }
        Path dir = out.resolve(subdir);
        List<T> done = new ArrayList<>();
        Context ctx = null;
        int left = todo.size();
        for (ExperimentResult r : todo) {
            Path file = dir.resolve(r.id() + ".json");
            left--;
            if (Files.exists(file)) {
                T kept;
                try {
                    kept = ResultStore.MAPPER.readValue(file.toFile(), type);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read " + file, e);
                }
                if (stillValid.test(r, kept)) {
                    done.add(kept);
                    continue;
                }
                progress.line("%s: stored with other radii, computed again", file);
            }
            if (ctx == null) {
                ctx = new Context(new ReferenceCache(cacheDir), progress, out);
                // the study's reference.json stays as the study wrote it
                ctx.prepareReference(null);
            }
            Path modelFile = out.resolve("models").resolve(r.id() + ".json");
            if (!Files.exists(modelFile)) {
                throw new InputException("experiment " + r.id() + " has no stored model (" + modelFile + ")");
            }
            Potential model = org.burgers.core.potential.PotentialSpec.parse("ace:" + modelFile);
            T result = body.run(r, ctx.reference(Double.NaN), model);
            ResultStore.writeAtomically(file, result);
            done.add(result);
            progress.line("  %d left", left);
        }
        return done;
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
        notes.add(describe(d));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("document", d);
        Path refFile = out.resolve("reference.json");
        if (Files.exists(refFile)) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> ref = ResultStore.MAPPER.readValue(refFile.toFile(), Map.class);
                settings.put("reference", ref);
                if (ref.get("lostDislocations") != null) {
                    notes.add(String.valueOf(ref.get("lostDislocations")) + "; no experiment uses it");
                }
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
        notes.addAll(org.burgers.analysis.report.SplitReport.notes(out));
        for (ExperimentResult r : results) {
            for (String w : r.warnings()) {
                notes.add("experiment " + r.id() + ": " + w);
            }
        }
        // Theorem 3.1's constants: n_D = 4 cores of the quadrupole, L_D = N/2 their separation
        List<org.burgers.analysis.report.TheoremConstants> constants = d.system().equals("w-loop") ? List.of()
                : org.burgers.analysis.report.TheoremConstants.estimate(results, 4, d.simulationSize() / 2);
        return ReportWriter.write(out, d.name(), settings, results, d.basis().degree(),
                d.basis().pairDegreeFor(d.basis().degree()), notes, constants);
    }

    /**
     * One line naming what the study ran (the report's first note; the whole document is report.json's
     * settings): a reader of report.md sees the sizes, samples, levels of perturbation, basis and solver.
     */
    static String describe(StudyDocument d) {
        String ls = d.trainingSizes().stream().map(StudyDocument::number)
                .collect(java.util.stream.Collectors.joining(", "));
        StudyDocument.Training t = d.training();
        StudyDocument.Basis b = d.basis();
        StudyDocument.Relaxation r = d.relaxation();
        return String.format(Locale.ROOT, "study: %s, reference %s, N = %s r0, L = %s r0; %d + %d samples per L, "
                        + "alpha %s (%s rattle%s), seed %d; ACE order %d, degree %d, pair degree %d, rcut %s A; solver %s; "
                        + "%s to fmax %s eV/A (at most %d steps); the whole document is report.json's settings",
                d.system(), d.reference(), StudyDocument.number(d.simulationSize()), ls, t.nTrain(), t.nTest(), t.describeLevels(),
                org.burgers.core.Choices.word(t.distribution()), t.withMinimizer() ? ", and ybar_L itself" : "",
                t.seed(), b.order(), b.degree(), b.pairDegreeFor(b.degree()), StudyDocument.number(b.rcut()), d.solver(),
                r.method(), StudyDocument.number(r.fmax()), r.maxSteps());
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
        /** the simulation references: one (key NaN) or, when the configuration follows L, one per L */
        final Map<Double, SimulationReference> references = new HashMap<>();
        Crystal crystal;
        ReferenceEnergies e0;
        /** bond and no-bond distances of the crystal, for the bonds a model's relaxed structure changes */
        BondChanges.Thresholds bondThresholds;
        final Map<Double, TrainingData> training = new HashMap<>();
        final Map<List<Integer>, DegreeData> degrees = new HashMap<>();

        /** the study directory: fitted models go to its {@code models/} */
        final Path out;

        Context(ReferenceCache cache, Progress progress, Path out) {
            this.out = out;
            this.cache = cache;
            this.progress = progress;
        }

        void prepareReference(Path out) {
            Map<String, Object> info;
            if (configurations.simulationFollowsTrainingSize()) {
                // the loop study: a simulation configuration (loop of diameter L) per training size L
                List<Map<String, Object>> perL = new ArrayList<>();
                boolean converged = true;
                StringBuilder msg = new StringBuilder();
                for (double l : new TreeSet<>(doc.trainingSizes())) {
                    SimulationReference r = relaxReference(l);
                    references.put(l, r);
                    Map<String, Object> one = referenceInfo(r);
                    one.put("trainingSize", l);
                    perL.add(one);
                    if (!r.relaxed().converged()) {
                        converged = false;
                        msg.append(r.label()).append(": ").append(r.relaxed().message()).append("; ");
                    }
                }
                info = new LinkedHashMap<>(perL.get(0));
                info.remove("trainingSize");
                info.put("converged", converged);
                info.put("message", converged ? "all converged" : msg.toString());
                info.put("perTrainingSize", perL);
            } else {
                SimulationReference r = relaxReference(Double.NaN);
                references.put(Double.NaN, r);
                info = referenceInfo(r);
            }
            if (out != null) {
                ResultStore.writeAtomically(out.resolve("reference.json"), info);
            }
        }

        /** The simulation reference of training size l (NaN: the one shared by every L). */
        SimulationReference reference(double l) {
            return configurations.simulationFollowsTrainingSize() ? references.get(l) : references.get(Double.NaN);
        }

        private Map<String, Object> referenceInfo(SimulationReference r) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("natoms", r.predictor().structure().size());
            info.put("a0", r.predictor().a0());
            info.put("converged", r.relaxed().converged());
            info.put("iterations", r.relaxed().iterations());
            info.put("fmax", r.relaxed().fmax());
            info.put("message", r.relaxed().message());
            info.put("relativeEnergy", r.energy());
            if (Double.isFinite(r.energyPerLineLength())) {
                info.put("energyPerLineLength", r.energyPerLineLength());
            }
            if (r.lostDislocations() != null) {
                info.put("lostDislocations", r.lostDislocations());
            }
            info.put("perfectSiteEnergies", e0.e0());
            return info;
        }

        private SimulationReference relaxReference(double l) {
            long t0 = System.nanoTime();
            boolean perL = !Double.isNaN(l);
            DislocationConfiguration predictor = configurations.simulation(doc.simulationSize(), l);
            double a0 = configurations.a0();
            if (crystal == null) {
                crystal = predictor.system().crystal(a0);
                e0 = new ReferenceEnergies(DislocationErrors.perfectSiteEnergies(reference, crystal));
                bondThresholds = BondChanges.Thresholds.ofCrystal(crystal.conventionalCell());
            }
            Structure start = predictor.structure();
            reference.checkSpecies(start);
            String kind = predictor.kind();
            String label = perL ? String.format(Locale.ROOT, "%s of diameter L = %g r0 in N = %g r0", kind, l,
                    doc.simulationSize()) : String.format(Locale.ROOT, "%s (N = %g r0)", kind, doc.simulationSize());
            progress.line("reference: a0 = %.6f A; relaxing the %s, %d atoms, with %s (%s, fmax %g eV/A)",
                    a0, label, start.size(), doc.reference(), relaxer.name(), doc.relaxation().fmax());
            String key = relaxKey(kind, doc.simulationSize(), a0) + (perL ? "|diameter=" + l : "");
            ReferenceCache.Relaxation relaxed = cache.relaxation(perL ? String.format(Locale.ROOT, "%s-L%g", kind, l)
                    : kind, key, () -> relaxer.relax(start, reference, options()));
            progress.line("  %s: %s after %d iterations, fmax %.2e eV/A (%.1f s)", relaxed.fromCache() ? "cached"
                            : "relaxed", relaxed.converged() ? "converged" : "NOT converged", relaxed.iterations(),
                    relaxed.fmax(), (System.nanoTime() - t0) * 1e-9);
            double energy = reference.energy(relaxed.structure())
                    - DislocationErrors.perfectEnergy(relaxed.structure(), e0.e0());
            // far field: sites farther than the basis cutoff from every core line (for the prismatic loop of
            // diameter L r0: from the loop line, a circle of radius L a0 / 2 about its centre)
            double farRadius = doc.basis().rcut();
            int[] farSites = kind.equals("prismatic-loop")
                    ? DislocationErrors.loopFarFieldSites(predictor, farRadius, l * a0 / 2)
                    : kind.contains("loop") ? new int[0] : DislocationErrors.farFieldSites(predictor, farRadius);
            if (farSites.length > 0) {
                progress.line("  far field: %d of %d sites farther than %.2f A (the basis cutoff) from the %s",
                        farSites.length, start.size(), farRadius, perL ? "loop line" : "core lines");
            }
            SimulationReference sim = new SimulationReference(label, predictor, relaxed,
                    configurations.stencil(predictor), energy, farSites, farRadius);
            if (sim.lostDislocations() != null) {
                progress.line("  WARNING: %s", sim.lostDislocations());
            }
            return sim;
        }

        TrainingData training(double l) {
            TrainingData td = training.get(l);
            if (td != null) {
                return td;
            }
            long t0 = System.nanoTime();
            List<DislocationConfiguration> cells = configurations.trainingCells(l);
            StudyDocument.Training t = doc.training();
            List<LabelledConfiguration> train = new ArrayList<>();
            List<LabelledConfiguration> test = new ArrayList<>();
            List<LabelledConfiguration> minimizers = new ArrayList<>();
            List<String> lostCells = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                DislocationConfiguration dipole = cells.get(i);
                // the study's own system keeps its historical key and name (cache entries stay valid); other
                // training systems (the loop study's screw and edge dipoles) are named by their system
                String kind = (dipole.system().name().equals(doc.system()) ? "dipole"
                        : dipole.system().name() + "-dipole")
                        // a cell relaxed with pinned core columns (B2 screws) is another relaxation: its own key
                        + (MoveMask.of(dipole.structure()) != null ? "-pinned" : "");
                String key = relaxKey(kind, l, dipole.a0());
                String type = String.format(Locale.ROOT, "%s-L%g", kind, l);
                progress.line("training cell L = %g r0: relaxing the %s (%d atoms) with the reference", l,
                        kind, dipole.structure().size());
                ReferenceCache.Relaxation r = cache.relaxation(type, key,
                        () -> relaxer.relax(dipole.structure(), reference, options()));
                if (!r.converged()) {
                    td = new TrainingData(null, null, null, null, String.format(Locale.ROOT, "the reference relaxation of the %s "
                            + "training cell L = %g did not converge: %s (fmax %.3g eV/A after %d iterations)", kind, l,
                            r.message(), r.fmax(), r.iterations()));
                    training.put(l, td);
                    return td;
                }
                // an annihilated dipole relaxes into a sheared perfect crystal (W screw at 8 r0): it cannot teach
                // the core, and its rattled copies would pass for dislocation data (second shells: 1.05 a0)
                // (a study with several training cells, the loop's screw and edge dipoles, goes on without it and
                // its share of the samples, so that the other cells' labelled sets keep their cache keys)
                int sites = crystal.conventionalCell().size();
                int envs = PerfectCrystalCheck.distinctEnvironments(r.structure(), 1.05 * dipole.a0(), sites + 1);
                if (PerfectCrystalCheck.isPerfectCrystal(envs, sites)) {
                    String lost = String.format(Locale.ROOT, "the reference relaxation of the %s training cell L = %g "
                            + "lost its dislocations: the relaxed cell is a perfect crystal (%d distinct atomic "
                            + "environments among %d atoms), so it cannot teach the core", kind, l, envs,
                            r.structure().size());
                    progress.line("  WARNING: %s%s", lost, cells.size() > 1 ? "; left out of the training set" : "");
                    lostCells.add(lost);
                    continue;
                }
                // the samples split evenly between the cells (the first ones take the remainder); cell i > 0
                // draws from seed + i so no two cells share a noise sequence
                int nTrain = share(t.nTrain(), cells.size(), i);
                int nTest = share(t.nTest(), cells.size(), i);
                long seed = t.seed() + i;
                // the Gaussian sets keep their former keys, so caches made before the choice existed stay valid
                String rattle = t.distribution() == RattledSet.Distribution.GAUSSIAN ? ""
                        : "|rattle=" + org.burgers.core.Choices.word(t.distribution());
                String setKey = key + String.format(Locale.ROOT, "|%s|train=%d|test=%d|seed=%d", levelKey(t), nTrain,
                        nTest, seed) + (cells.size() == 1 ? "" : "|cell=" + i + "/" + cells.size()) + rattle;
                Structure relaxed = r.structure().withoutArrays();
                train.addAll(cache.labelled(type + "-train", setKey, () -> label(relaxed, 0, nTrain, type, seed)));
                // ybar_L labelled: eps^F at the centre of the ball of (3.9) is measured on it for every fit
                List<LabelledConfiguration> ybarL = cache.labelled(type + "-minimizer", key + "|minimizer",
                        () -> List.of(labelled(relaxed, type)));
                minimizers.addAll(ybarL);
                if (t.withMinimizer()) {
                    // section 3.1: the training structures contain ybar_L itself, besides its perturbed states
                    for (LabelledConfiguration c : ybarL) {
                        train.add(new LabelledConfiguration(c.source(), c.structure(), c.energy(), c.forces(),
                                c.virial(), c.configType(), c.weight() * t.minimizerWeightOrOne()));
                    }
                }
                test.addAll(cache.labelled(type + "-test", setKey, () -> label(relaxed, nTrain, nTest, type, seed)));
                progress.line("  %s %s, %d + %d labelled samples (alpha %s, %s)%s (%.1f s)", kind, r.fromCache()
                                ? "cached" : "relaxed in " + r.iterations() + " iterations", nTrain, nTest,
                        t.describeLevels(),
                        org.burgers.core.Choices.word(t.distribution()),
                        t.withMinimizer() ? ", and the relaxed cell itself in the training set" : "",
                        (System.nanoTime() - t0) * 1e-9);
            }
            td = lostCells.size() == cells.size() ? new TrainingData(null, null, null, null, String.join("; ", lostCells))
                    : new TrainingData(List.copyOf(train), List.copyOf(test), List.copyOf(minimizers),
                    List.copyOf(lostCells), null);
            training.put(l, td);
            return td;
        }

        /** Cell i's share of n samples split over k cells (the first n mod k cells take one more). */
        private static int share(int n, int k, int i) {
            return n / k + (i < n % k ? 1 : 0);
        }

        /** Samples first..first+count-1 of the rattled set of the seed, labelled with the reference. */
        List<Frame> label(Structure relaxed, int first, int count, String type, long seed) {
            StudyDocument.Training t = doc.training();
            Frame[] frames = new Frame[count];
            java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
                int j = first + k;
                frames[k] = labelled(RattledSet.rattle(relaxed, t.level(j), seed, j, t.distribution()), type);
            });
            return List.of(frames);
        }

        /**
         * The perturbation part of a labelled set's cache key: "alpha=0.1" for one level (the key sets had before
         * levels existed, so their cache entries stay valid), "alphas=0.1,0.5" for several.
         */
        private static String levelKey(StudyDocument.Training t) {
            return t.alphas() == null ? "alpha=" + t.alpha()
                    : t.alphas().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "alphas=", ""));
        }

        /** s labelled with the reference's energy, forces and virial, of config_type {@code type}. */
        Frame labelled(Structure s, String type) {
            Evaluation e = reference.evaluate(s, Request.FORCES);
            return Frame.labelled(s, e.energy(), e.forces(), e.virial()).withInfo("config_type", type);
        }

        /** The basis of many-body degree d and pair degree pair, with its elastic observation (memoised). */
        DegreeData degree(int d, int pair) {
            return degrees.computeIfAbsent(List.of(d, pair), k -> {
                long t0 = System.nanoTime();
                LinearBasis basis = pair == doc.basis().pairDegreeFor(d) ? bases.basis(d) : bases.basis(d, pair);
                Structure cell = crystal.conventionalCell().withoutArrays();
                String name = String.format(Locale.ROOT, "%s %s a=%.6f", crystal.lattice().name(),
                        String.join(",", crystal.distinctSpecies()), crystal.a());
                ElasticObservation el = ElasticObservation.of(name, reference, basis, cell, true, doc.elasticShiftRows());
                progress.line("basis of degree %d, pair degree %d: %d functions; elastic observations of the "
                        + "reference and the basis (%.1f s)", d, pair, basis.size(), (System.nanoTime() - t0) * 1e-9);
                return new DegreeData(basis, el);
            });
        }

        ExperimentResult experiment(Planned p) {
            long t0 = System.nanoTime();
            StudyDocument.Weights w = doc.cases().get(p.caseName());
            int basisSize = 0;
            double teE = Double.NaN, teF = Double.NaN, trF = Double.NaN, eps1 = Double.NaN, eps2 = Double.NaN;
            Double eps1Relaxed = null;
            List<Double> relaxedCubic = null;
            boolean conv = false;
            int iters = 0;
            List<String> warnings = new ArrayList<>();
            String failure = null;
            double geometry = Double.NaN, energyErr = Double.NaN, modelEnergy = Double.NaN, far = Double.NaN;
            double yForce = Double.NaN, yForceFar = Double.NaN;
            Double minimizerError = null;
            Integer bonds = null;
            SimulationReference ref = reference(p.trainingSize());
            double refEnergy = ref == null ? Double.NaN : ref.energy();
            try {
                if (!ref.relaxed().converged()) {
                    throw new StageFailure("the reference relaxation of the " + ref.label() + " did not converge: "
                            + ref.relaxed().message() + " (fmax " + ref.relaxed().fmax() + " eV/A)");
                }
                if (ref.lostDislocations() != null) {
                    throw new StageFailure(ref.lostDislocations());
                }
                TrainingData td = training(p.trainingSize());
                if (td.failure() != null) {
                    throw new StageFailure(td.failure());
                }
                warnings.addAll(td.leftOut());
                DegreeData dd = degree(p.degree(), p.pairDegree());
                basisSize = dd.basis().size();
                long tf = System.nanoTime();
                Fitter.Result fit = Fitter.fit(dd.basis(), td.train(), td.test(),
                        new LossWeights(w.energy(), w.force(), w.virial(), w.d1V(), w.d2V()), e0, Map.of(),
                        List.of(dd.elastic()), solver, threads, doc.elasticRowUnit(), bases.priors(dd.basis()),
                        Fitter.DESIGN_BYTES, c -> bases.model(dd.basis(), c, e0));
                for (String s : fit.solution().warnings()) {
                    // the solvers name themselves in their warnings ("ard: ..."); name the others here
                    String tag = fit.solution().solver() + ": ";
                    warnings.add(s.startsWith(tag) ? s : tag + s);
                }
                teE = orNaN(fit.test().all().energyRmse());
                teF = orNaN(fit.test().all().forceRmse());
                trF = orNaN(fit.train().all().forceRmse());
                eps1 = fit.matching().get(0).eps1V();
                eps2 = fit.matching().get(0).eps2V();
                eps1Relaxed = fit.matching().get(0).eps1Relaxed();
                double[][] mc = fit.matching().get(0).modelRelaxedGPa();
                relaxedCubic = mc == null ? null : List.of(mc[0][0], mc[0][1], mc[3][3]);
                double fitSeconds = (System.nanoTime() - tf) * 1e-9;
                Potential model = bases.model(dd.basis(), fit.model().coefficients(), e0);
                // the fitted model, loadable as ace:OUT/models/ID.json (compare, eval, relax); written before the
                // experiment's record, so a resumed study rewrites it with the record
                bases.writeModel(dd.basis(), fit.model().coefficients(), e0,
                        out.resolve("models").resolve(p.id() + ".json"));
                minimizerError = 1000 * minimizerForceError(model, td.minimizers());
                // F^ML(ybar): the model's force at the reference equilibrium, where the reference's is < fmax;
                // the consistency error that drives the geometry error, measured where the quadrupole is
                double[] f = model.evaluate(ref.relaxed().structure(), Request.FORCES).forces();
                yForce = 1000 * rms(f, null);
                yForceFar = ref.farSites().length == 0 ? Double.NaN : 1000 * rms(f, ref.farSites());
                long tr = System.nanoTime();
                RelaxResult mr = relaxer.relax(ref.predictor().structure(), model, options());
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
                geometry = DislocationErrors.geometryError(ref.stencil(), ref.relaxed().structure(), yMl);
                far = ref.farSites().length == 0 ? Double.NaN
                        : org.burgers.core.stencil.GeometryError.of(ref.stencil(), ref.relaxed().structure(), yMl,
                        ref.farSites());
                bonds = BondChanges.count(ref.relaxed().structure(), yMl, bondThresholds);
                if (bonds > 0) {
                    progress.line("  WARNING: the model's relaxed structure differs from the reference's in %d bond%s "
                            + "(formed or broken): another structure", bonds, bonds == 1 ? "" : "s");
                }
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
                    far, ref == null ? Double.NaN : ref.farRadius(), ref == null ? 0 : ref.farSites().length,
                    p.pairDegree(), yForce, yForceFar, eps1Relaxed, relaxedCubic, minimizerError, bonds);
        }
    }

    /**
     * eps^F at ybar_L: the rms over the atoms of all training cells of the components of F^ML - F at the
     * cells' minimizers (eV/A; the reference's own force there is below the relaxation's fmax).
     */
    static double minimizerForceError(Potential model, List<LabelledConfiguration> minimizers) {
        double sum = 0;
        long n = 0;
        for (LabelledConfiguration c : minimizers) {
            double[] f = model.evaluate(c.structure(), Request.FORCES).forces();
            for (int k = 0; k < f.length; k++) {
                double d = f[k] - c.forces()[k];
                sum += d * d;
            }
            n += f.length;
        }
        return Math.sqrt(sum / n);
    }

    /** Root mean square of the components of f (eV/A) over all atoms, or over {@code sites}. */
    static double rms(double[] f, int[] sites) {
        double s = 0;
        int n = 0;
        if (sites == null) {
            for (double v : f) {
                s += v * v;
            }
            n = f.length;
        } else {
            for (int i : sites) {
                for (int c = 0; c < 3; c++) {
                    s += f[3 * i + c] * f[3 * i + c];
                }
            }
            n = 3 * sites.length;
        }
        return n == 0 ? Double.NaN : Math.sqrt(s / n);
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    /**
     * The labelled sets of one L, the labelled minimizers ybar_L, what was left out (training cells that lost their
     * dislocations, one line each), or why there is no training set at all.
     */
    private record TrainingData(List<LabelledConfiguration> train, List<LabelledConfiguration> test,
                                List<LabelledConfiguration> minimizers, List<String> leftOut, String failure) {
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
