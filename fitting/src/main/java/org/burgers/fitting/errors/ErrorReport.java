package org.burgers.fitting.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.burgers.core.elasticity.Voigt;
import org.burgers.fitting.Fitter;

/** The contents of errors.json and errors.md for a fit. */
public final class ErrorReport {
    private ErrorReport() {
    }

    /** A JSON-ready map: train/test totals and per config_type, eps1V/eps2V, solver diagnostics, timings. */
    public static Map<String, Object> json(Fitter.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train", table(r.train()));
        if (r.test() != null) {
            m.put("test", table(r.test()));
        }
        List<Fitter.Matching> mt = r.matching();
        m.put("eps1V", mt.isEmpty() ? null : mt.get(0).eps1V());
        m.put("eps2V", mt.isEmpty() || Double.isNaN(mt.get(0).eps2V()) ? null : mt.get(0).eps2V());
        m.put("elastic", mt.stream().map(x -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", x.name());
            e.put("eps1V", x.eps1V());
            e.put("eps2V", Double.isNaN(x.eps2V()) ? null : x.eps2V());
            e.put("eps1VGPa", x.eps1V() * Voigt.GPA_PER_EV_A3);
            e.put("eps2VGPa", Double.isNaN(x.eps2V()) ? null : x.eps2V() * Voigt.GPA_PER_EV_A3);
            e.put("referenceD2Norm", x.referenceD2Norm());
            e.put("referenceD3Norm", Double.isNaN(x.referenceD3Norm()) ? null : x.referenceD3Norm());
            e.put("eps1RelaxedGPa", Double.isFinite(x.eps1Relaxed()) ? x.eps1Relaxed() * Voigt.GPA_PER_EV_A3 : null);
            e.put("referenceRelaxedVoigtGPa", x.referenceRelaxedGPa());
            e.put("modelRelaxedVoigtGPa", x.modelRelaxedGPa());
            return e;
        }).toList());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", r.solution().solver());
        s.put("warnings", r.solution().warnings());
        Map<String, Object> d = new LinkedHashMap<>(r.solution().diagnostics());
        d.remove("lambda"); // ARD: one per coefficient, too long for the summary
        if (r.solution().diagnostics().get("lambda") instanceof Double l) {
            d.put("lambda", l);
        }
        s.put("diagnostics", d);
        m.put("solver", s);
        m.put("rows", r.rows());
        m.put("cols", r.cols());
        m.put("assemblySeconds", r.assemblySeconds());
        m.put("solveSeconds", r.solveSeconds());
        return m;
    }

    static Map<String, Object> table(ErrorTable t) {
        Map<String, Object> m = stats(t.all());
        Map<String, Object> by = new LinkedHashMap<>();
        t.byConfigType().forEach((k, v) -> by.put(k, stats(v)));
        m.put("byConfigType", by);
        return m;
    }

    static Map<String, Object> stats(ErrorStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configurations", s.configurations());
        m.put("energyRmse", s.energyRmse());
        m.put("energyMae", s.energyMae());
        m.put("forceRmse", s.forceRmse());
        m.put("forceMae", s.forceMae());
        m.put("virialRmse", s.virialRmse());
        m.put("virialMae", s.virialMae());
        return m;
    }

    public static String markdown(Fitter.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("# Fit errors\n\n");
        b.append(String.format(Locale.ROOT, "Solver `%s`, %d rows x %d basis functions; assembly %.2f s, solve %.2f s.%n%n",
                r.solution().solver(), r.rows(), r.cols(), r.assemblySeconds(), r.solveSeconds()));
        b.append("| set | config_type | configs | E RMSE (meV/atom) | E MAE | F RMSE (meV/A) | F MAE | V RMSE (meV/atom) | V MAE |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        rows(b, "train", r.train());
        if (r.test() != null) {
            rows(b, "test", r.test());
        }
        if (!r.matching().isEmpty()) {
            b.append("\n| elastic observation | eps_1^V (GPa) | eps_2^V (GPa) | |d2 W_cb| (GPa) | |d3 W_cb| (GPa) "
                    + "| relaxed-ion eps_1^V (GPa) | C11 C12 C44 relaxed-ion, model / reference (GPa) |\n");
            b.append("|---|---|---|---|---|---|---|\n");
            for (Fitter.Matching x : r.matching()) {
                double g = Voigt.GPA_PER_EV_A3;
                double[][] mc = x.modelRelaxedGPa(), rc = x.referenceRelaxedGPa();
                String c = mc == null ? "unstable" : String.format(Locale.ROOT, "%.1f %.1f %.1f / %.1f %.1f %.1f",
                        mc[0][0], mc[0][1], mc[3][3], rc[0][0], rc[0][1], rc[3][3]);
                b.append(String.format(Locale.ROOT, "| %s | %.4g | %.4g | %.4g | %.4g | %.4g | %s |%n", x.name(),
                        x.eps1V() * g, x.eps2V() * g, x.referenceD2Norm() * g, x.referenceD3Norm() * g,
                        x.eps1Relaxed() * g, c));
            }
        }
        if (!r.solution().warnings().isEmpty()) {
            b.append("\nWarnings:\n\n");
            for (String w : r.solution().warnings()) {
                b.append("- ").append(w).append('\n');
            }
        }
        return b.toString();
    }

    private static void rows(StringBuilder b, String set, ErrorTable t) {
        row(b, set, "all", t.all());
        t.byConfigType().forEach((k, v) -> row(b, set, k, v));
    }

    private static void row(StringBuilder b, String set, String type, ErrorStats s) {
        b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", set, type,
                s.configurations(), f(s.energyRmse()), f(s.energyMae()), f(s.forceRmse()), f(s.forceMae()),
                f(s.virialRmse()), f(s.virialMae())));
    }

    private static String f(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
