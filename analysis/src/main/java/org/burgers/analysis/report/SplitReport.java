package org.burgers.analysis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.burgers.analysis.rates.Rate;
import org.burgers.analysis.study.ErrorProfile;
import org.burgers.analysis.study.ResidualSplit;
import org.burgers.analysis.study.ResultStore;

/**
 * {@code split.json} and {@code split.md} of a study directory: the residual splits of its experiments
 * ({@link ResidualSplit}) and, per loss case, the log-log slopes against L of the full, near-only and
 * far-only geometry errors beside Table 1's prediction for the case (which the far-only part should follow).
 */
public final class SplitReport {
    private static final String[] PARTS = {"full", "near-only", "far-only"};

    private SplitReport() {
    }

    /** The slopes of one case: full, near-only, far-only (in that order). */
    public static Rate[] rates(List<ResidualSplit> splits, String caseName) {
        List<ResidualSplit> mine = splits.stream().filter(s -> s.caseName().equals(caseName)).toList();
        double[] l = new double[mine.size()];
        double[][] g = new double[3][mine.size()];
        for (int i = 0; i < mine.size(); i++) {
            ResidualSplit s = mine.get(i);
            l[i] = s.trainingSize();
            g[0][i] = s.geometryFull();
            g[1][i] = s.geometryNearOnly();
            g[2][i] = s.geometryFarOnly();
        }
        return new Rate[]{Rate.fit(l, g[0]), Rate.fit(l, g[1]), Rate.fit(l, g[2])};
    }

    /** Writes {@code FILE.json} and {@code FILE.md} into {@code out}; {@code fmax} is the relaxations' tolerance. */
    public static void write(Path out, String file, String name, double radiusPerL, double fmax,
                             List<ResidualSplit> splits) {
        List<ResidualSplit> sorted = new ArrayList<>(splits);
        sorted.sort(Comparator.comparingDouble(ResidualSplit::trainingSize).thenComparing(ResidualSplit::caseName));
        List<Map<String, Object>> rates = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        md.append("# Residual split: ").append(name).append("\n\n");
        md.append(String.format(Locale.ROOT, "The model's force at the reference equilibrium, F^ML(ybar), split at R = "
                + "%.3g L r0 from the core lines (the training radius); each part relaxed alone from ybar under an "
                + "external load that cancels the other (`burgers split`). Table 1's rate applies to the far-only "
                + "error; the near-only error is the fit error of the core environments (eps^F). Reference and models "
                + "relaxed to fmax %.3g eV/A.%n%n", radiusPerL, fmax));
        md.append("## Slopes against L (log-log, 95% intervals)\n\n");
        md.append("| case | part | slope | 95% interval | points | Table 1 |\n|---|---|---|---|---|---|\n");
        for (String c : ReportWriter.CASES) {
            if (sorted.stream().noneMatch(s -> s.caseName().equals(c))) {
                continue;
            }
            Rate[] r = rates(sorted, c);
            for (int k = 0; k < 3; k++) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("quantity", "geometry-" + PARTS[k]);
                e.put("against", "L");
                e.put("case", c);
                e.put("slope", finite(r[k].slope()));
                e.put("ci95", java.util.Arrays.asList(finite(r[k].ciLow()), finite(r[k].ciHigh())));
                e.put("points", r[k].points());
                rates.add(e);
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | [%s, %s] | %d | %s |%n", c, PARTS[k],
                        fmt(r[k].slope()), fmt(r[k].ciLow()), fmt(r[k].ciHigh()), r[k].points(),
                        k == 1 ? "n/a (eps^F)" : fmt(Predictions.slope("geometry", "L", c))));
            }
        }
        md.append("\n## Experiments\n\n| id | case | L | R (A) | near sites | residual rms near / far (meV/A) | "
                + "geometry: study (from the predictor) / full / near only / far only (A) | site-energy error at ybar near / "
                + "far (eV) | iterations | seconds |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (ResidualSplit s : sorted) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %g | %.2f | %d | %.3f / %.3f | %s / %s / %s / %s | %s / %s | %s | %.0f |%n",
                    s.id(), s.caseName(), s.trainingSize(), s.radius(), s.nearSites(), s.residualNear(),
                    s.residualFar(), fmt(s.geometryStudy()), fmt(s.geometryFull()), fmt(s.geometryNearOnly()),
                    fmt(s.geometryFarOnly()), fmt(s.energyNear()), fmt(s.energyFar()),
                    java.util.Arrays.toString(s.iterations()), s.seconds()));
        }
        for (ResidualSplit s : sorted) {
            if (s.failure() != null) {
                md.append("\n- ").append(s.id()).append(": ").append(s.failure());
            } else if (Math.abs(s.geometryFull() - s.geometryStudy()) > 0.1 * s.geometryStudy()) {
                md.append("\n- ").append(s.id()).append(String.format(Locale.ROOT, ": relaxed from ybar the model finds "
                        + "another minimum (error %.3g A) than from the predictor (%.3g A); the split describes the one "
                        + "near ybar", s.geometryFull(), s.geometryStudy()));
            }
            if (s.failure() == null && !linear(Math.max(s.geometryNearOnly(), s.geometryFarOnly()), s.geometryFull())) {
                md.append("\n- ").append(s.id()).append(String.format(Locale.ROOT, ": NOT LINEAR, the split does not "
                        + "apply: a part exceeds the whole (near only %.3g, far only %.3g, full %.3g A); with its residual "
                        + "cancelled by a constant load the core moves off", s.geometryNearOnly(), s.geometryFarOnly(),
                        s.geometryFull()));
            }
        }
        md.append("\n");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("radiusPerL", radiusPerL);
        json.put("rates", rates);
        json.put("splits", sorted);
        json.put("fmax", fmax);
        ResultStore.writeAtomically(out.resolve(file + ".json"), json);
        ResultStore.writeStringAtomically(out.resolve(file + ".md"), md.toString());
    }

    /**
     * {@code profile.json} and {@code profile.md}: each experiment's far-only error against the radius R beyond
     * which its residual acts, with the log-log slope against R (the elastic-mismatch picture predicts Table 1's
     * slope of its case: 0, -1, -2).
     */
    public static void writeProfiles(Path out, String file, String name, double fmax, List<ErrorProfile> profiles) {
        List<ErrorProfile> sorted = new ArrayList<>(profiles);
        sorted.sort(Comparator.comparingDouble(ErrorProfile::trainingSize).thenComparing(ErrorProfile::caseName));
        StringBuilder md = new StringBuilder();
        md.append("# Far-only error profiles: ").append(name).append("\n\n");
        md.append("Geometry error of each fitted model relaxed from ybar with only its residual force beyond R from "
                + "the core lines acting (`burgers split --profile`), and the rms of that residual. The slope is "
                + "against R (log-log, 95% interval); Table 1's slope of the case is what a far field driven by the "
                + "elastic mismatch alone would give. Reference and models relaxed to fmax " + fmax + " eV/A: a residual "
                + "beyond R whose largest component is below it does not move the atoms (error 0).\n\n");
        md.append("| id | case | L | R (A): far-only error (A) [residual rms beyond R, meV/A; site-energy error at ybar beyond "
                + "R, eV] | slope vs R | 95% interval "
                + "| Table 1 |\n|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> rates = new ArrayList<>();
        for (ErrorProfile p : sorted) {
            Rate r = Rate.fit(p.radii(), p.farOnly());
            StringBuilder cells = new StringBuilder();
            for (int k = 0; k < p.radii().length; k++) {
                cells.append(k == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%.3g: %s [%.3g; %s]", p.radii()[k],
                        fmt(p.farOnly()[k]), p.residualBeyond()[k],
                        p.energyBeyond() == null ? "n/a" : fmt(p.energyBeyond()[k])));
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %g | %s | %s | [%s, %s] | %s |%n", p.id(), p.caseName(),
                    p.trainingSize(), cells, fmt(r.slope()), fmt(r.ciLow()), fmt(r.ciHigh()),
                    fmt(Predictions.slope("geometry", "L", p.caseName()))));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", p.id());
            e.put("case", p.caseName());
            e.put("trainingSize", p.trainingSize());
            e.put("slope", finite(r.slope()));
            e.put("ci95", java.util.Arrays.asList(finite(r.ciLow()), finite(r.ciHigh())));
            rates.add(e);
        }
        for (ErrorProfile p : sorted) {
            double worst = java.util.Arrays.stream(p.farOnly()).max().orElse(Double.NaN);
            if (p.geometryStudy() != null && !linear(worst, p.geometryStudy())) {
                md.append(String.format(Locale.ROOT, "%n- %s: NOT LINEAR, the profile does not apply: a far-only error "
                        + "(%.3g A) exceeds the whole error of the study (%.3g A); with its residual cancelled by a "
                        + "constant load the core moves off%n", p.id(), worst, p.geometryStudy()));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("rates", rates);
        json.put("profiles", sorted);
        json.put("fmax", fmax);
        ResultStore.writeAtomically(out.resolve(file + ".json"), json);
        ResultStore.writeStringAtomically(out.resolve(file + ".md"), md.toString());
    }

    /**
     * One report note per split or per-L profile summary found in the study directory ({@code split*.json},
     * {@code profile*.json} written with radii per L): the slopes against L of the error caused by the residual
     * beyond R, per case, so the report says how much of the error Table 1's far-field terms explain.
     */
    public static List<String> notes(Path out) {
        List<String> notes = new ArrayList<>();
        try (var files = java.nio.file.Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("(split|profile).*\\.json")).sorted()
                    .toList()) {
                String note = note(f);
                if (note != null) {
                    notes.add(note);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + out, e);
        }
        return notes;
    }

    private static String note(Path f) throws java.io.IOException {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
        String file = f.getFileName().toString().replace(".json", ".md");
        if (root.has("splits")) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "residual split (%s, R = %.3g L r0, fmax %s "
                    + "eV/A): far-only error vs L", file, root.path("radiusPerL").asDouble(), root.path("fmax").asText("?")));
            for (var r : root.path("rates")) {
                if (r.path("quantity").asText().equals("geometry-far-only")) {
                    b.append(String.format(Locale.ROOT, "; %s %s [%s, %s]", r.path("case").asText(),
                            fmt(num(r.path("slope"))), fmt(num(r.path("ci95").path(0))), fmt(num(r.path("ci95").path(1)))));
                }
            }
            return b.toString();
        }
        if (!root.has("profiles")) {
            return null;
        }
        // per-L radii: every profile's radii are the same multiples of its L (checked on the first radius)
        var profiles = root.path("profiles");
        java.util.TreeMap<String, java.util.TreeMap<Double, double[]>> byCase = new java.util.TreeMap<>();
        double[] multiple = null;
        for (var p : profiles) {
            double l = p.path("trainingSize").asDouble();
            var radii = p.path("radii");
            double[] m = new double[radii.size()];
            double[] g = new double[radii.size()];
            for (int k = 0; k < m.length; k++) {
                m[k] = radii.path(k).asDouble() / l;
                g[k] = p.path("farOnly").path(k).asDouble();
            }
            if (multiple == null) {
                multiple = m;
            } else if (m.length != multiple.length || Math.abs(m[0] - multiple[0]) > 1e-9 * multiple[0]) {
                return null;
            }
            byCase.computeIfAbsent(p.path("caseName").asText(), c -> new java.util.TreeMap<>()).put(l, g);
        }
        if (multiple == null || byCase.values().stream().allMatch(m -> m.size() < 2)) {
            return null;
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "far-only error profiles (%s, fmax %s eV/A), "
                + "slope vs L", file, root.path("fmax").asText("?")));
        for (int k = 0; k < multiple.length; k++) {
            b.append(String.format(Locale.ROOT, "%s beyond R = %.3g A x L:", k == 0 ? ":" : ";", multiple[k]));
            for (var e : byCase.entrySet()) {
                double[] l = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] g = new double[l.length];
                int i = 0;
                for (double[] v : e.getValue().values()) {
                    g[i++] = v[k];
                }
                Rate r = Rate.fit(l, g);
                b.append(String.format(Locale.ROOT, "%s %s %s [%s, %s]", e.getKey().equals(byCase.firstKey()) ? "" : ",",
                        e.getKey(), fmt(r.slope()), fmt(r.ciLow()),
                        fmt(r.ciHigh())));
            }
        }
        return b.toString();
    }

    /**
     * Whether a part of the error is consistent with a linear response: in the linear regime each part is at
     * most about the whole (W: 74-100%); a part 1.5 times the whole means the cancelling load moved the core.
     */
    static boolean linear(double part, double whole) {
        return !(part > 1.5 * whole);
    }

    /** A JSON number, NaN for null or missing. */
    private static double num(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : fmt(v.doubleValue());
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "n/a";
    }
}
