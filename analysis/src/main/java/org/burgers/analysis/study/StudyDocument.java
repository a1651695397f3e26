package org.burgers.analysis.study;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.burgers.core.InputException;

/**
 * An experiment document: every stage of a generalisation study and its parameters (paper section 4).
 * The same document and seed give the same numbers. Unknown keys are an error, so a typo is not ignored.
 *
 * @param name            the study's name (report title)
 * @param system          w-screw, si-edge, nial-screw or w-loop
 * @param reference       potential specification of the reference model, e.g. {@code builtin:W}
 * @param simulationSize  N: size of the quadrupole simulation cell in units of r0
 * @param trainingSizes   the training-cell sizes L (units of r0), one dipole cell each
 * @param training        rattled training and test sets (4.1.2)
 * @param basis           ACE basis settings
 * @param cases           loss weights per case: {@code no-elasticity}, {@code cle}, {@code cle-nonlinear}
 * @param solver          qr, ridge, blr or ard
 * @param relaxation      relaxer and tolerances
 * @param elasticUnit     unit of the elastic rows of the loss: "GPa" (default when absent) or "eV/A3"
 * @param elasticShifts   on a lattice whose strain moves its sublattices (diamond), where the sublattice shifts
 *                        enter the elastic rows: "second-order" (default when absent: the relaxed-ion C is
 *                        matched), "all-orders" or "none" (clamped-ion rows, as before they existed); see
 *                        {@link org.burgers.fitting.loss.ElasticObservation.Shifts}
 * @param solverIterations iteration limit of the blr or ard solver (absent: the solver's default, 300 for ARD
 *                        as scikit-learn's ARDRegression; most ARD fits with elastic rows stop there
 *                        unconverged, docs/fitting.md)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StudyDocument(String name, String system, String reference, double simulationSize,
                            List<Double> trainingSizes, Training training, Basis basis,
                            Map<String, Weights> cases, String solver, Relaxation relaxation,
                            String elasticUnit, String elasticShifts, Integer solverIterations) {

    /** With the solver's own iteration limit. */
    public StudyDocument(String name, String system, String reference, double simulationSize,
                         List<Double> trainingSizes, Training training, Basis basis, Map<String, Weights> cases,
                         String solver, Relaxation relaxation, String elasticUnit, String elasticShifts) {
        this(name, system, reference, simulationSize, trainingSizes, training, basis, cases, solver, relaxation,
                elasticUnit, elasticShifts, null);
    }

    /** Without the elastic shifts (the default, second-order). */
    public StudyDocument(String name, String system, String reference, double simulationSize,
                         List<Double> trainingSizes, Training training, Basis basis, Map<String, Weights> cases,
                         String solver, Relaxation relaxation, String elasticUnit) {
        this(name, system, reference, simulationSize, trainingSizes, training, basis, cases, solver, relaxation,
                elasticUnit, null);
    }

    /** Where the sublattice shifts enter the elastic rows. */
    /** A size or amplitude as a reader writes it: 6 for 6.0, 0.1 for 0.1. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The solver's configuration: its defaults, with the document's iteration limit where one is given. */
    public org.burgers.fitting.solve.SolverConfig solverConfig() {
        org.burgers.fitting.solve.SolverConfig c = org.burgers.fitting.solve.SolverConfig.defaults(solver);
        return solverIterations == null ? c : c.withMaxIterations(solverIterations);
    }

    public org.burgers.fitting.loss.ElasticObservation.Shifts elasticShiftRows() {
        return org.burgers.fitting.loss.ElasticObservation.Shifts.parse(elasticShifts);
    }

    /**
     * The rattled training and test sets: alpha (A), N_train, N_test, seed.
     *
     * @param rattle how the samples perturb the relaxed cell by alpha: "gaussian" (default when absent: a
     *               Gaussian of standard deviation alpha per component, ASE's rattle) or "julip" (uniform, no atom
     *               moving by more than alpha, JuLIP's rattle! as used with ACEpotentials.jl; {@link
     *               org.burgers.simulation.training.RattledSet.Distribution})
     * @param minimizer whether the training set also holds the relaxed training cell itself, unrattled and with
     *               the same weights, besides its N_train rattled copies: section 3.1 of the paper asks that the
     *               training structures contain the training-cell minimizer ybar_L "as well as perturbed
     *               states"; section 4.1.2 lists only the perturbed ones. Null (absent) or false: not added
     * @param alphas  several levels of perturbation in one set, instead of {@code alpha}: sample j of a cell
     *               (training samples first, then test samples) is perturbed by {@code alphas[j mod n]}, so
     *               each level gets an equal share of both sets. Section 4.1.2 "choose[s] two values of
     *               parameter alpha representing two levels of perturbation, i.e., alpha = 0.5 A and 0.1 A"
     *               and its figures show no alpha apart: read as one set holding both levels, {@code [0.1,
     *               0.5]}. Null (absent): the single level {@code alpha}
     * @param minimizerWeight the configuration weight of ybar_L in the loss (needs {@code minimizer}), a factor
     *               on W_E and W_F for that one configuration: the matching conditions (3.9) are maxima over a
     *               ball around ybar_L, and Table 1's rates assume them zero, so a weight well above 1 approaches
     *               that limit at the ball's centre (a diagnostic beyond the paper's uniform weights). Null
     *               (absent): 1, the weights of the rattled samples
     */
    public record Training(Double alpha, int nTrain, int nTest, long seed, String rattle, Boolean minimizer,
                           List<Double> alphas, Double minimizerWeight) {

        public Training(Double alpha, int nTrain, int nTest, long seed, String rattle, Boolean minimizer,
                        List<Double> alphas) {
            this(alpha, nTrain, nTest, seed, rattle, minimizer, alphas, null);
        }

        public Training(double alpha, int nTrain, int nTest, long seed) {
            this((Double) alpha, nTrain, nTest, seed, null, null, null);
        }

        public Training(double alpha, int nTrain, int nTest, long seed, String rattle) {
            this((Double) alpha, nTrain, nTest, seed, rattle, null, null);
        }

        public Training(double alpha, int nTrain, int nTest, long seed, String rattle, Boolean minimizer) {
            this((Double) alpha, nTrain, nTest, seed, rattle, minimizer, null);
        }

        /** The levels of perturbation (A): {@code alphas}, or the single {@code alpha}. */
        public List<Double> levels() {
            return alphas != null ? alphas : List.of(alpha);
        }

        /** The level of sample j of a cell (training samples 0..nTrain-1, then the test samples). */
        public double level(int j) {
            List<Double> l = levels();
            return l.get(j % l.size());
        }

        /** "0.1 A" or "0.1 / 0.5 A alternating", for progress lines and notes. */
        public String describeLevels() {
            List<Double> l = levels();
            return l.stream().map(StudyDocument::number).collect(java.util.stream.Collectors.joining(" / "))
                    + (l.size() > 1 ? " A alternating" : " A");
        }

        /** Whether ybar_L joins the training set. */
        public boolean withMinimizer() {
            return Boolean.TRUE.equals(minimizer);
        }

        /** The configuration weight of ybar_L in the loss when it joins the training set (default 1). */
        public double minimizerWeightOrOne() {
            return minimizerWeight == null ? 1 : minimizerWeight;
        }

        public org.burgers.simulation.training.RattledSet.Distribution distribution() {
            return org.burgers.simulation.training.RattledSet.Distribution.parse(rattle);
        }
    }

    /**
     * @param order        correlation order nu
     * @param degree       total degree of the L sweep
     * @param rmseDegrees  degrees of the RMSE sweep (at the largest L), may be empty
     * @param rcut         cutoff (A)
     * @param r0           typical bond length for the distance transform (A), or 0 for the default
     * @param pairDegree   polynomial degree of the pair basis, or null for the ACEpotentials.jl default (the
     *                     many-body degree); never below the many-body degree. The W EAM's pair spline has a
     *                     feature 0.13 A wide inside the first shell that needs about 100 (docs/ace-accuracy.md)
     * @param wL           weight of the angular degree in the selection {@code sum_t (n_t + wL l_t) <= D}, or null
     *                     for the ACEpotentials.jl default 1.5. The Si bond-order potential's angular function
     *                     has a Gaussian of width 0.2 in cos(theta) near the tetrahedral angle, which needs more
     *                     angular functions than radial ones (docs/study.md)
     * @param pairCurvature weight of the curvature prior on the pair function, {@code w int_rlo^rcut phi''(r)^2 dr}
     *                     added to the loss (units of the force rows: eV^2/A^2 per (eV/A^2)^2 A), or null for
     *                     none. Without it a degree-100 pair polynomial fitted by ARD swings to 10^4 eV below the
     *                     shortest training bond, and a test cell with a shorter bond gets forces wrong by
     *                     100 eV/A (docs/ace-accuracy.md, "Paper preset")
     * @param pairCurvatureFrom rlo (A), the lower end of the prior's integral, or null for r0 / 2
     * @param pairCurvatureTo rhi (A), its upper end, or null for the pair cutoff
     * @param rmsePairDegrees pair degrees of a second RMSE sweep (at the largest L, many-body degree {@code
     *                     degree}), or null / empty for none. Where the many-body degree does not move the test
     *                     RMSE (W: 6.0-6.2 meV/A for degrees 10-14) the pair degree does (280 to 6.7 meV/A for
     *                     40-200, results/exploratory/w-screw-pair-degree), so this sweep spans the error-vs-RMSE
     *                     figures of the paper
     */
    public record Basis(int order, int degree, List<Integer> rmseDegrees, double rcut, double r0, Integer pairDegree,
                        Double wL, Double pairCurvature, Double pairCurvatureFrom, Double pairCurvatureTo,
                        List<Integer> rmsePairDegrees) {

        public Basis(int order, int degree, List<Integer> rmseDegrees, double rcut, double r0, Integer pairDegree,
                     Double wL, Double pairCurvature, Double pairCurvatureFrom, Double pairCurvatureTo) {
            this(order, degree, rmseDegrees, rcut, r0, pairDegree, wL, pairCurvature, pairCurvatureFrom,
                    pairCurvatureTo, null);
        }

        public Basis(int order, int degree, List<Integer> rmseDegrees, double rcut, double r0) {
            this(order, degree, rmseDegrees, rcut, r0, null, null, null, null, null);
        }

        public Basis(int order, int degree, List<Integer> rmseDegrees, double rcut, double r0, Integer pairDegree) {
            this(order, degree, rmseDegrees, rcut, r0, pairDegree, null, null, null, null);
        }

        public Basis(int order, int degree, List<Integer> rmseDegrees, double rcut, double r0, Integer pairDegree,
                     Double wL) {
            this(order, degree, rmseDegrees, rcut, r0, pairDegree, wL, null, null, null);
        }

        /** The pair degree used with many-body degree d. */
        public int pairDegreeFor(int d) {
            return pairDegree == null ? d : Math.max(pairDegree, d);
        }
    }

    /** Loss weights of (4.16): W_E, W_F, W_V (virial rows), W_d1V, W_d2V. */
    public record Weights(double energy, double force, double virial, double d1V, double d2V) {
    }

    /** method lbfgs, fire or precon-lbfgs; fmax (eV/A); maxSteps. */
    public record Relaxation(String method, double fmax, int maxSteps) {
    }

    /** This document with another relaxation (the tolerance of a diagnostic rerun, {@code burgers split --fmax}). */
    public StudyDocument withRelaxation(Relaxation r) {
        return new StudyDocument(name, system, reference, simulationSize, trainingSizes, training, basis, cases, solver,
                r, elasticUnit, elasticShifts, solverIterations);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public static StudyDocument read(Path path) {
        try {
            return MAPPER.readValue(path.toFile(), StudyDocument.class).validated(path.toString());
        } catch (IOException e) {
            throw new InputException(path + ": " + e.getMessage(), e);
        }
    }

    /** A preset shipped in the jar, e.g. {@code w-screw-quick}. */
    public static StudyDocument preset(String name) {
        String res = "/org/burgers/analysis/presets/" + name + ".json";
        try (InputStream in = StudyDocument.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new InputException("unknown preset '" + name + "' (known: " + String.join(", ", presets()) + ")");
            }
            return MAPPER.readValue(in, StudyDocument.class).validated("preset " + name);
        } catch (IOException e) {
            throw new InputException("preset " + name + ": " + e.getMessage(), e);
        }
    }

    public static List<String> presets() {
        return List.of("w-screw-quick", "w-screw-paper", "si-edge-quick", "si-edge-paper", "nial-screw-quick",
                "nial-screw-paper", "w-loop-quick", "w-loop-paper");
    }

    public void write(Path path) {
        ResultStore.writeAtomically(path, this);
    }

    StudyDocument validated(String where) {
        require(name != null && !name.isBlank(), where, "name is missing");
        require(List.of("w-screw", "si-edge", "nial-screw", "w-loop", "w-mixed", "w-edge").contains(system), where,
                "unknown system '" + system + "'");
        require(reference != null && reference.contains(":"), where, "reference must be a potential specification");
        require(simulationSize > 0, where, "simulationSize must be positive");
        require(trainingSizes != null && !trainingSizes.isEmpty(), where, "trainingSizes is empty");
        for (double l : trainingSizes) {
            require(l > 0 && l <= simulationSize, where, "training size " + l + " must be in (0, simulationSize]");
        }
        if (training != null) {
            parses(where, training::distribution);
        }
        require(training != null && training.nTrain() > 0 && training.nTest() > 0, where,
                "training needs nTrain > 0, nTest > 0");
        if (training.alphas() == null) {
            require(training.alpha() != null && training.alpha() > 0 && Double.isFinite(training.alpha()), where,
                    "training needs alpha > 0 (or a list alphas), got " + training.alpha());
        } else {
            require(training.alpha() == null, where, "training: give alpha or alphas, not both");
            require(!training.alphas().isEmpty(), where, "training.alphas is empty");
            for (Double a : training.alphas()) {
                require(a != null && a > 0 && Double.isFinite(a), where, "training.alphas: " + a + " is not > 0");
            }
        }
        if (training.minimizerWeight() != null) {
            require(training.withMinimizer(), where, "training.minimizerWeight needs training.minimizer: true");
            require(training.minimizerWeight() > 0 && Double.isFinite(training.minimizerWeight()), where,
                    "training.minimizerWeight must be a finite number > 0, got " + training.minimizerWeight());
        }
        require(basis != null && basis.order() >= 1 && basis.degree() >= 1 && basis.rcut() > 0, where,
                "basis needs order >= 1, degree >= 1, rcut > 0");
        require(basis.pairDegree() == null || basis.pairDegree() >= 1, where, "basis.pairDegree must be >= 1");
        if (basis.rmsePairDegrees() != null) {
            for (Integer p : basis.rmsePairDegrees()) {
                require(p != null && p >= basis.degree(), where, "basis.rmsePairDegrees: " + p
                        + " is below the many-body degree " + basis.degree() + " (the pair degree is never lower)");
            }
        }
        require(basis.pairCurvature() == null || (basis.pairCurvature() >= 0 && Double.isFinite(basis.pairCurvature())),
                where, "basis.pairCurvature must be >= 0");
        require(basis.pairCurvatureFrom() == null || (basis.pairCurvatureFrom() > 0
                && basis.pairCurvatureFrom() < basis.rcut()), where, "basis.pairCurvatureFrom must be in (0, rcut)");
        require(basis.pairCurvatureTo() == null || (basis.pairCurvatureTo() > 0 && basis.pairCurvatureTo() <= basis.rcut()
                && (basis.pairCurvatureFrom() == null || basis.pairCurvatureFrom() < basis.pairCurvatureTo())), where,
                "basis.pairCurvatureTo must be in (pairCurvatureFrom, rcut]");
        require(basis.wL() == null || (basis.wL() > 0 && Double.isFinite(basis.wL())), where, "basis.wL must be > 0");
        require(cases != null && !cases.isEmpty(), where, "cases is empty");
        for (Map.Entry<String, Weights> c : cases.entrySet()) {
            require(List.of("no-elasticity", "cle", "cle-nonlinear").contains(c.getKey()), where,
                    "unknown case '" + c.getKey() + "'");
            Weights w = c.getValue();
            require(w.energy() >= 0 && w.force() >= 0 && w.virial() >= 0 && w.d1V() >= 0 && w.d2V() >= 0, where,
                    "weights of case " + c.getKey() + " must be >= 0");
        }
        require(List.of("qr", "ridge", "blr", "ard").contains(solver), where, "unknown solver '" + solver + "'");
        require(solverIterations == null || (solverIterations > 0 && List.of("blr", "ard").contains(solver)), where,
                "solverIterations must be > 0 and needs an iterative solver (blr, ard), got " + solverIterations
                        + " for '" + solver + "'");
        require(relaxation != null && relaxation.fmax() > 0 && relaxation.maxSteps() > 0, where,
                "relaxation needs fmax > 0 and maxSteps > 0");
        require(elasticUnit == null || List.of("gpa", "ev/a3").contains(elasticUnit.toLowerCase(java.util.Locale.ROOT)),
                where, "elasticUnit must be GPa or eV/A3, got '" + elasticUnit + "'");
        parses(where, this::elasticShiftRows);
        return this;
    }

    /** The unit of the elastic rows (GPa unless the document says eV/A3). */
    public org.burgers.fitting.loss.LossAssembler.ElasticUnit elasticRowUnit() {
        return elasticUnit != null && elasticUnit.equalsIgnoreCase("ev/a3")
                ? org.burgers.fitting.loss.LossAssembler.ElasticUnit.EV_PER_A3
                : org.burgers.fitting.loss.LossAssembler.ElasticUnit.GPA;
    }

    /** Runs a parse of a choice, its input error prefixed with where the document came from. */
    private static void parses(String where, Runnable parse) {
        try {
            parse.run();
        } catch (InputException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
    }

    private static void require(boolean ok, String where, String what) {
        if (!ok) {
            throw new InputException(where + ": " + what);
        }
    }

    /** The paper's three cases with its weights (W: 50, 10, 10, 1; Si and the loop: 100, 20, 20, 1). */
    public static Map<String, Weights> paperCases(double we, double wf, double wd1, double wd2) {
        Map<String, Weights> m = new LinkedHashMap<>();
        m.put("no-elasticity", new Weights(we, wf, 0, 0, 0));
        m.put("cle", new Weights(we, wf, 0, wd1, 0));
        m.put("cle-nonlinear", new Weights(we, wf, 0, wd1, wd2));
        return m;
    }
}
