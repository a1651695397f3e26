package org.burgers.analysis.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.burgers.analysis.rates.Rate;
import org.burgers.analysis.study.ExperimentResult;
import org.burgers.analysis.study.ResultStore;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds a study's report from its stored experiments: {@code report.json} (every number, and the
 * {@code rates} array, and {@code deviations}: why each rate off Table 1 by more than 0.3 is off, in
 * measured quantities, {@link RateDeviations}), {@code report.md} and {@code report.html} with log-log plots
 * (PNG, drawn with XChart) of the geometry and energy errors against L per case and against the test force
 * RMSE.
 * Deterministic: experiments are sorted, so the same records give the same report.
 */
public final class ReportWriter {
    public static final List<String> CASES = List.of("no-elasticity", "cle", "cle-nonlinear");

    private ReportWriter() {
    }

    /**
     * @param title       the study's name
     * @param settings    the study document (any Jackson-serialisable value), copied into report.json
     * @param results     every experiment
     * @param sweepDegree the basis degree of the L sweep (experiments of other degrees form the RMSE sweep)
     * @param notes       free-text lines for the report (failures, caveats), may be empty
     */
    public static Map<String, Object> write(Path dir, String title, Object settings, List<ExperimentResult> results,
                                            int sweepDegree, List<String> notes) {
        return write(dir, title, settings, results, sweepDegree, notes, List.of());
    }

    /**
     * As {@link #write(Path, String, Object, List, int, List)}, with the constants of Theorem 3.1 estimated
     * from the experiments ({@link TheoremConstants}; empty when the study has no straight dislocations).
     */
    public static Map<String, Object> write(Path dir, String title, Object settings, List<ExperimentResult> results,
                                            int sweepDegree, List<String> notes, List<TheoremConstants> constants) {
        return write(dir, title, settings, results, sweepDegree, ANY_PAIR_DEGREE, notes, constants);
    }

    /** Pair degree of the L sweep that accepts every pair degree (studies without a pair-degree sweep). */
    public static final int ANY_PAIR_DEGREE = -1;

    /**
     * As {@link #write(Path, String, Object, List, int, List, List)} for a study whose L sweep has pair degree
     * {@code sweepPairDegree}: experiments of other pair degrees (the pair-degree RMSE sweep) join the RMSE
     * sweep only.
     */
    public static Map<String, Object> write(Path dir, String title, Object settings, List<ExperimentResult> results,
                                            int sweepDegree, int sweepPairDegree, List<String> notes,
                                            List<TheoremConstants> constants) {
        Sweep sweep = new Sweep(sweepDegree, sweepPairDegree);
        List<RateEntry> rates = rates(results, sweep);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("settings", settings);
        json.put("rates", rates);
        List<String> deviations = RateDeviations.explain(rates, results, sweep::has);
        json.put("deviations", deviations);
        json.put("theoremConstants", constants);
        json.put("experiments", results);
        List<String> allNotes = new ArrayList<>(notes);
        for (ExperimentResult r : results) {
            if (!r.ok()) {
                allNotes.add("experiment " + r.id() + " failed: " + r.failure());
            } else if (r.bondChanges() != null && r.bondChanges() > 0) {
                allNotes.add("experiment " + r.id() + ": the model relaxed into another structure than the reference's ("
                        + r.bondChanges() + " bond" + (r.bondChanges() == 1 ? "" : "s") + " formed or broken): its "
                        + "errors measure that structure, not the fit error around the reference's");
            } else if (!r.modelConverged()) {
                allNotes.add("experiment " + r.id() + ": the relaxation with the fitted model did not converge ("
                        + r.modelIterations() + " iterations); its errors are of the last iterate");
            }
        }
        json.put("notes", allNotes);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResultStore.writeAtomically(dir.resolve("report.json"), sanitise(json));
        List<String> images = plots(dir, results, sweep);
        ResultStore.writeStringAtomically(dir.resolve("report.md"), markdown(title, rates, deviations, results, images,
                allNotes, sweep) + constantsMarkdown(constants));
        ResultStore.writeStringAtomically(dir.resolve("report.html"),
                html(title, rates, deviations, results, images, allNotes)
                        .replace("</body></html>", constantsHtml(constants) + "</body></html>"));
        return json;
    }

    /** The basis of the L sweep: many-body degree and pair degree ({@link #ANY_PAIR_DEGREE}: any). */
    record Sweep(int degree, int pairDegree) {
        boolean has(ExperimentResult r) {
            return pairDegree == ANY_PAIR_DEGREE ? r.degree() == degree : r.inSweep(degree, pairDegree);
        }
    }

    /** Rates of both errors against L for each case (at the sweep degree) and against the test RMSE. */
    public static List<RateEntry> rates(List<ExperimentResult> results, int sweepDegree) {
        return rates(results, new Sweep(sweepDegree, ANY_PAIR_DEGREE));
    }

    private static List<RateEntry> rates(List<ExperimentResult> results, Sweep sweep) {
        List<RateEntry> out = new ArrayList<>();
        for (String q : List.of("geometry", "energy")) {
            for (String c : CASES) {
                List<ExperimentResult> pts = lPoints(results, c, sweep::has);
                if (pts.size() >= 2) {
                    out.add(entry(q, "L", c, pts, r -> r.trainingSize()));
                }
            }
            for (String c : CASES) {
                List<ExperimentResult> pts = rmsePoints(results, c);
                if (!pts.isEmpty()) {
                    out.add(entry(q, "rmse", c, pts, ExperimentResult::testForceRmse));
                }
            }
        }
        return out;
    }

    /** The points of a case's rates against L: its successful experiments of the L sweep. */
    static List<ExperimentResult> lPoints(List<ExperimentResult> results, String c,
                                          java.util.function.Predicate<ExperimentResult> inSweep) {
        return results.stream().filter(r -> r.ok() && r.caseName().equals(c) && inSweep.test(r)).toList();
    }

    /**
     * The points of a case's rates against the RMSE: several bases (many-body or pair degrees) at one L, the
     * largest L that has more than one; empty when no L has.
     */
    static List<ExperimentResult> rmsePoints(List<ExperimentResult> results, String c) {
        TreeSet<Double> ls = new TreeSet<>();
        for (ExperimentResult r : results) {
            if (r.ok() && r.caseName().equals(c)) {
                ls.add(r.trainingSize());
            }
        }
        for (Double l : ls.descendingSet()) {
            List<ExperimentResult> pts = results.stream().filter(r -> r.ok() && r.caseName().equals(c)
                    && r.trainingSize() == l).toList();
            if (pts.stream().map(ExperimentResult::basisKey).distinct().count() >= 2) {
                return pts;
            }
        }
        return List.of();
    }

    private static RateEntry entry(String q, String against, String c, List<ExperimentResult> pts,
                                   java.util.function.ToDoubleFunction<ExperimentResult> xOf) {
        double[] x = pts.stream().mapToDouble(xOf).toArray();
        double[] y = pts.stream().mapToDouble(r -> q.equals("geometry") ? r.geometryError() : r.energyError()).toArray();
        Rate rate = Rate.fit(x, y);
        Double slope = Double.isFinite(rate.slope()) ? rate.slope() : null;
        Double[] ci = Double.isFinite(rate.ciLow()) ? new Double[] {rate.ciLow(), rate.ciHigh()} : new Double[] {null, null};
        return new RateEntry(q, against, c, slope, ci, rate.points(), Predictions.slope(q, against, c));
    }

    private static List<String> plots(Path dir, List<ExperimentResult> results, Sweep sweep) {
        List<String> files = new ArrayList<>();
        for (String q : List.of("geometry", "farfield", "energy")) {
            XYChart ch = new XYChartBuilder().width(640).height(480).title((q.equals("farfield") ? "far-field geometry"
                            : q) + " error vs L")
                    .xAxisTitle("training cell size L (r0)")
                    .yAxisTitle(q.equals("geometry") ? "||D ybar - D ybar^ML|| (A)" : q.equals("farfield")
                            ? "||D ybar - D ybar^ML|| beyond rcut of the cores (A)" : "|E - E^ML| (eV)").build();
            logLog(ch);
            boolean any = false;
            for (String c : CASES) {
                List<ExperimentResult> pts = results.stream().filter(r -> r.ok() && r.caseName().equals(c)
                        && sweep.has(r) && value(r, q) > 0).sorted(
                        java.util.Comparator.comparingDouble(ExperimentResult::trainingSize)).toList();
                if (pts.isEmpty()) {
                    continue;
                }
                XYSeries s = ch.addSeries(c, pts.stream().mapToDouble(ExperimentResult::trainingSize).toArray(),
                        pts.stream().mapToDouble(r -> value(r, q)).toArray());
                s.setMarker(SeriesMarkers.CIRCLE);
                any = true;
            }
            if (any) {
                files.add(save(dir, ch, q + "-vs-L.png"));
            }
            if (q.equals("farfield")) {
                continue;
            }
            XYChart rm = new XYChartBuilder().width(640).height(480).title(q + " error vs test force RMSE")
                    .xAxisTitle("test force RMSE (meV/A)")
                    .yAxisTitle(q.equals("geometry") ? "||D ybar - D ybar^ML|| (A)" : "|E - E^ML| (eV)").build();
            logLog(rm);
            any = false;
            TreeSet<Double> ls = new TreeSet<>();
            results.forEach(r -> ls.add(r.trainingSize()));
            for (Double l : ls) {
                List<ExperimentResult> pts = results.stream().filter(r -> r.ok() && r.trainingSize() == l
                        && r.caseName().equals("cle-nonlinear") && value(r, q) > 0 && r.testForceRmse() > 0)
                        .sorted(java.util.Comparator.comparingDouble(ExperimentResult::testForceRmse)).toList();
                if (pts.stream().map(ExperimentResult::basisKey).distinct().count() < 2) {
                    continue;
                }
                XYSeries s = rm.addSeries(String.format(Locale.ROOT, "L = %g", l),
                        pts.stream().mapToDouble(ExperimentResult::testForceRmse).toArray(),
                        pts.stream().mapToDouble(r -> value(r, q)).toArray());
                s.setMarker(SeriesMarkers.DIAMOND);
                any = true;
            }
            if (any) {
                files.add(save(dir, rm, q + "-vs-rmse.png"));
            }
        }
        return files;
    }

    /** Log axes labelled between decades too: the errors of a study often span less than one decade. */
    private static void logLog(XYChart ch) {
        ch.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        ch.getStyler().setXAxisLogarithmicDecadeOnly(false).setYAxisLogarithmicDecadeOnly(false);
        ch.getStyler().setYAxisDecimalPattern("0.###E0");
    }

    private static double value(ExperimentResult r, String q) {
        return switch (q) {
            case "geometry" -> r.geometryError();
            case "farfield" -> r.farFieldGeometryError();
            default -> r.energyError();
        };
    }

    /**
     * The three cases side by side at each L (sweep degree): the whole-cell and the far-field geometry error
     * and eps_1^V, and at how many L values each case has the smallest far-field error.
     */
    static String separation(List<ExperimentResult> results, int sweepDegree) {
        return separation(results, new Sweep(sweepDegree, ANY_PAIR_DEGREE));
    }

    static String separation(List<ExperimentResult> results, Sweep sweep) {
        TreeSet<Double> ls = new TreeSet<>();
        results.stream().filter(sweep::has).forEach(r -> ls.add(r.trainingSize()));
        if (ls.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n## The three cases side by side\n\n| L | geometry (A): no elasticity / "
                + "CLE / CLE + nonlinear | far field (A) | energy (eV) | eps1V (eV/A^3) | eps2V (eV/A^3) |\n"
                + "|---|---|---|---|---|---|\n");
        Map<String, Integer> lowestFar = new LinkedHashMap<>();
        CASES.forEach(c -> lowestFar.put(c, 0));
        for (double l : ls) {
            List<ExperimentResult> row = new ArrayList<>();
            for (String c : CASES) {
                row.add(results.stream().filter(r -> sweep.has(r) && r.trainingSize() == l
                        && r.caseName().equals(c)).findFirst().orElse(null));
            }
            sb.append("| ").append(fmt(l));
            for (String q : List.of("geometry", "farfield", "energy", "eps1V", "eps2V")) {
                sb.append(" | ");
                for (int k = 0; k < row.size(); k++) {
                    ExperimentResult r = row.get(k);
                    // the matching conditions belong to the fit, which exists even when the relaxation failed
                    double v = r == null ? Double.NaN : switch (q) {
                        case "eps1V" -> r.eps1V();
                        case "eps2V" -> r.eps2V();
                        default -> r.ok() ? value(r, q) : Double.NaN;
                    };
                    sb.append(k == 0 ? "" : " / ").append(fmt(v));
                }
            }
            sb.append(" |\n");
            int best = -1;
            for (int k = 0; k < row.size(); k++) {
                ExperimentResult r = row.get(k);
                if (r != null && r.ok() && Double.isFinite(r.farFieldGeometryError()) && (best < 0
                        || r.farFieldGeometryError() < row.get(best).farFieldGeometryError())) {
                    best = k;
                }
            }
            if (best >= 0) {
                lowestFar.merge(CASES.get(best), 1, Integer::sum);
            }
        }
        sb.append("\nLowest far-field error (sites farther than the basis cutoff from every core) at how many L: ");
        List<String> parts = new ArrayList<>();
        lowestFar.forEach((c, n) -> parts.add(c + " " + n));
        return sb.append(String.join(", ", parts)).append(" (of ").append(ls.size()).append(").\n").toString();
    }

    private static String save(Path dir, XYChart ch, String name) {
        try {
            BitmapEncoder.saveBitmap(ch, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + name, e);
        }
        return name;
    }

    private static String fmt(Double d) {
        return d == null || !Double.isFinite(d) ? "n/a" : String.format(Locale.ROOT, "%.3g", d);
    }

    /** A count, or "n/a" where it was not measured (older records, failed experiments). */
    private static String count(Integer n) {
        return n == null ? "n/a" : n.toString();
    }

    /** C11 / C12 / C44, or n/a (older records, an unstable sublattice shift). */
    private static String cubic(List<Double> c) {
        return c == null ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", c.get(0), c.get(1), c.get(2));
    }

    private static String markdown(String title, List<RateEntry> rates, List<String> deviations,
                                   List<ExperimentResult> results, List<String> images, List<String> notes,
                                   Sweep sweep) {
        StringBuilder sb = new StringBuilder("# " + title + "\n\n## Rates (log-log slopes, 95% intervals)\n\n");
        sb.append("| quantity | against | case | slope | 95% interval | points | Table 1 |\n|---|---|---|---|---|---|---|\n");
        for (RateEntry r : rates) {
            sb.append("| ").append(r.quantity()).append(" | ").append(r.against()).append(" | ").append(r.caseName())
                    .append(" | ").append(fmt(r.slope())).append(" | [").append(fmt(r.ci95()[0])).append(", ")
                    .append(fmt(r.ci95()[1])).append("] | ").append(r.points()).append(" | ")
                    .append(fmt(r.predicted())).append(" |\n");
        }
        if (!deviations.isEmpty()) {
            sb.append("\n## Rates off Table 1 by more than ").append(RateDeviations.TOLERANCE).append(", and why\n\n");
            deviations.forEach(d -> sb.append("- ").append(d).append('\n'));
        }
        sb.append(separation(results, sweep));
        sb.append("\n## Experiments\n\n| id | case | L | D (/ pair D) | basis | geometry (A) | far field (A) | energy (eV) "
                + "| test E RMSE (meV/atom) | test F RMSE (meV/A) | F^ML(ybar) rms, all / far field (meV/A) "
                + "| eps^F at ybar_L (meV/A) "
                + "| eps1V | eps2V | relaxed-ion eps1V | relaxed-ion C11 / C12 / C44 (GPa) | bonds changed |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ExperimentResult r : results) {
            sb.append("| ").append(r.id()).append(" | ").append(r.caseName()).append(" | ").append(fmt(r.trainingSize()))
                    .append(" | ").append(r.basisKey()).append(" | ").append(r.basisSize()).append(" | ")
                    .append(fmt(r.geometryError())).append(" | ").append(fmt(r.farFieldGeometryError())).append(" | ")
                    .append(fmt(r.energyError())).append(" | ")
                    .append(fmt(r.testEnergyRmse())).append(" | ").append(fmt(r.testForceRmse())).append(" | ")
                    .append(fmt(r.ybarForceRmse())).append(" / ").append(fmt(r.ybarFarFieldForceRmse())).append(" | ")
                    .append(fmt(r.minimizerForceError())).append(" | ").append(fmt(r.eps1V())).append(" | ")
                    .append(fmt(r.eps2V())).append(" | ")
                    .append(fmt(r.eps1RelaxedV())).append(" | ").append(cubic(r.modelRelaxedCubicGPa())).append(" | ")
                    .append(count(r.bondChanges())).append(" |\n");
        }
        sb.append('\n');
        for (String img : images) {
            sb.append("![").append(img).append("](").append(img).append(")\n\n");
        }
        if (!notes.isEmpty()) {
            sb.append("## Notes\n\n");
            notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static String constantsMarkdown(List<TheoremConstants> constants) {
        if (constants.isEmpty()) {
            return "";
        }
        TheoremConstants first = constants.get(0);
        StringBuilder sb = new StringBuilder("\n## Constants of Theorem 3.1\n\n");
        sb.append(String.format(Locale.ROOT, "Ratios of each measured error to the bracket of (3.13) / (3.14), "
                + "evaluated with the measured eps^F, eps^E (test RMSEs, eV/A and eV/atom), eps_1^V, eps_2^V (eV/A^3), "
                + "n_D = %d, L_D = %g r0. The largest ratio is the smallest constant consistent with every "
                + "measurement; max/min is the spread.%n%n", first.nD(), first.lD()));
        sb.append("| case | points | C^G min | C^G median | C^G max | C^G max/min | C^E min | C^E median | C^E max "
                + "| C^E max/min |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (TheoremConstants t : constants) {
            double[] g = t.cG();
            double[] e = t.cE();
            sb.append("| ").append(t.caseName()).append(" | ").append(t.points()).append(" | ").append(fmt(g[0]))
                    .append(" | ").append(fmt(g[1])).append(" | ").append(fmt(g[2])).append(" | ")
                    .append(fmt(g[2] / g[0])).append(" | ").append(fmt(e[0])).append(" | ").append(fmt(e[1]))
                    .append(" | ").append(fmt(e[2])).append(" | ").append(fmt(e[2] / e[0])).append(" |\n");
        }
        return sb.toString();
    }

    private static String constantsHtml(List<TheoremConstants> constants) {
        if (constants.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<h2>Constants of Theorem 3.1</h2>\n<p>Ratio of each measured error to the "
                + "bracket of (3.13) / (3.14) with the measured matching conditions (see report.md).</p>\n<table><tr>"
                + "<th>case</th><th>points</th><th>C^G min</th><th>C^G median</th><th>C^G max</th><th>C^E min</th>"
                + "<th>C^E median</th><th>C^E max</th></tr>\n");
        for (TheoremConstants t : constants) {
            double[] g = t.cG();
            double[] e = t.cE();
            sb.append("<tr><td>").append(t.caseName()).append("</td><td>").append(t.points()).append("</td>");
            for (double v : new double[] {g[0], g[1], g[2], e[0], e[1], e[2]}) {
                sb.append("<td>").append(fmt(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    private static String html(String title, List<RateEntry> rates, List<String> deviations,
                               List<ExperimentResult> results, List<String> images, List<String> notes) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;text-align:right}"
                        + "</style></head><body><h1>").append(esc(title)).append("</h1>\n<h2>Rates</h2>\n<table><tr>"
                        + "<th>quantity</th><th>against</th><th>case</th><th>slope</th><th>95% interval</th><th>points</th>"
                        + "<th>Table 1</th></tr>\n");
        for (RateEntry r : rates) {
            sb.append("<tr><td>").append(r.quantity()).append("</td><td>").append(r.against()).append("</td><td>")
                    .append(r.caseName()).append("</td><td>").append(fmt(r.slope())).append("</td><td>[")
                    .append(fmt(r.ci95()[0])).append(", ").append(fmt(r.ci95()[1])).append("]</td><td>")
                    .append(r.points()).append("</td><td>").append(fmt(r.predicted())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (!deviations.isEmpty()) {
            sb.append("<h2>Rates off Table 1 by more than ").append(RateDeviations.TOLERANCE).append(", and why</h2><ul>");
            deviations.forEach(d -> sb.append("<li>").append(esc(d)).append("</li>"));
            sb.append("</ul>\n");
        }
        for (String img : images) {
            sb.append("<p><img src=\"").append(img).append("\" alt=\"").append(img).append("\"></p>\n");
        }
        sb.append("<h2>Experiments</h2>\n<table><tr><th>id</th><th>case</th><th>L</th><th>D (/ pair D)</th><th>basis</th>"
                + "<th>geometry (A)</th><th>far field (A)</th><th>energy (eV)</th><th>test E RMSE</th><th>test F RMSE</th>"
                + "<th>F^ML(ybar) rms, all / far field (meV/A)</th><th>eps^F at ybar_L (meV/A)</th><th>eps1V</th>"
                + "<th>eps2V</th><th>relaxed-ion eps1V</th><th>relaxed-ion C11 / C12 / C44 (GPa)</th>"
                + "<th>bonds changed</th></tr>\n");
        for (ExperimentResult r : results) {
            sb.append("<tr><td>").append(esc(r.id())).append("</td><td>").append(r.caseName()).append("</td><td>")
                    .append(fmt(r.trainingSize())).append("</td><td>").append(r.basisKey()).append("</td><td>")
                    .append(r.basisSize()).append("</td><td>").append(fmt(r.geometryError())).append("</td><td>")
                    .append(fmt(r.farFieldGeometryError())).append("</td><td>")
                    .append(fmt(r.energyError())).append("</td><td>").append(fmt(r.testEnergyRmse())).append("</td><td>")
                    .append(fmt(r.testForceRmse())).append("</td><td>").append(fmt(r.ybarForceRmse())).append(" / ")
                    .append(fmt(r.ybarFarFieldForceRmse())).append("</td><td>").append(fmt(r.minimizerForceError()))
                    .append("</td><td>").append(fmt(r.eps1V())).append("</td><td>")
                    .append(fmt(r.eps2V())).append("</td><td>").append(fmt(r.eps1RelaxedV())).append("</td><td>")
                    .append(cubic(r.modelRelaxedCubicGPa())).append("</td><td>").append(count(r.bondChanges()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (!notes.isEmpty()) {
            sb.append("<h2>Notes</h2><ul>");
            notes.forEach(n -> sb.append("<li>").append(esc(n)).append("</li>"));
            sb.append("</ul>");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** NaN and infinities become null, so report.json is standard JSON. */
    @SuppressWarnings("unchecked")
    static Object sanitise(Object o) {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        Object tree = m.convertValue(o, Object.class);
        return clean(tree);
    }

    @SuppressWarnings("unchecked")
    private static Object clean(Object o) {
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), clean(v)));
            return out;
        }
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(clean(v)));
            return out;
        }
        if (o instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (o instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
            return null;
        }
        return o;
    }
}
