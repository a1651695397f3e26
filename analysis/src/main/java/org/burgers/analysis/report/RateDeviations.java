package org.burgers.analysis.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.burgers.analysis.rates.Rate;
import org.burgers.analysis.study.ExperimentResult;

/**
 * Why a rate is off Table 1, in the measured quantities that bear on it (issue 9: "where a slope is off by
 * more than 0.3, find out why ... and say so in the report"). One line per rate whose slope differs from
 * Table 1's by more than {@link #TOLERANCE}.
 *
 * <p>Against L. (3.13) bounds the geometry error by C^G (eps^F + log^1/2(L_D) eps_1^V + L^-1 eps_2^V + L^-2)
 * and (3.14) the energy error by C^E (... + eps^E); Table 1's slopes are the limits in which the fit errors
 * eps^F, eps^E are negligible. So the line gives the case's test RMSE over the L points (force for geometry,
 * energy per atom for energy) and its own slope in L, and, when the interval excludes Table 1's slope, reads
 * them in this order: an error that falls faster
 * than Table 1 is within the theorem, whose rates are those of an upper bound; an error whose 95% interval
 * holds the fit error's slope follows its fit error (that term dominates); otherwise a fit error that falls
 * slower than the predicted rate is a floor that larger training cells do not lower; otherwise the fit error
 * does not explain the deviation. It also says when Table 1's slope lies inside the 95%
 * interval (the L range does not tell the two apart), the span of L, and how many of the model relaxations
 * stopped unconverged (their errors are of the last iterate).
 *
 * <p>Against the RMSE. The line gives the span of test force RMSE the sweep covers: over a narrow span (less
 * than {@link #NARROW_SPAN}x) the slope is set by the scatter of the other error sources (the L terms of
 * (3.13), which do not change with the basis at fixed L). For the energy it gives how the test energy RMSE
 * eps^E goes with the force RMSE over the sweep: (3.14) holds eps^E linearly, so where that term dominates
 * the energy error goes as eps^E does rather than as RMSE^2.
 */
public final class RateDeviations {
    /** Issue 9: a slope off Table 1's by more than this needs its reason stated. */
    public static final double TOLERANCE = 0.3;

    /** An RMSE sweep spanning less than this factor is too narrow to give a slope of its own. */
    static final double NARROW_SPAN = 3;

    private RateDeviations() {
    }

    /**
     * @param rates   the report's rates
     * @param results every experiment of the study
     * @param inSweep the experiments of the L sweep (those the rates against L were fitted to)
     * @return one line per rate off Table 1 by more than {@link #TOLERANCE}, in the order of {@code rates}
     */
    public static List<String> explain(List<RateEntry> rates, List<ExperimentResult> results,
                                       Predicate<ExperimentResult> inSweep) {
        List<String> out = new ArrayList<>();
        for (RateEntry r : rates) {
            if (r.slope() == null || Math.abs(r.slope() - r.predicted()) <= TOLERANCE) {
                continue;
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s vs %s, %s: slope %s%s, Table 1 %s "
                            + "(off by %.2f).", r.quantity(), r.against(), r.caseName(), signed(r.slope()), interval(r),
                    table(r.predicted()), Math.abs(r.slope() - r.predicted())));
            boolean inside = r.ci95()[0] != null && holds(r, r.predicted());
            if (r.against().equals("L")) {
                againstL(sb, r, ReportWriter.lPoints(results, r.caseName(), inSweep), inside);
            } else {
                againstRmse(sb, r, ReportWriter.rmsePoints(results, r.caseName()), inside);
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static void againstL(StringBuilder sb, RateEntry r, List<ExperimentResult> pts, boolean inside) {
        double[] l = pts.stream().mapToDouble(ExperimentResult::trainingSize).toArray();
        double lo = min(l), hi = max(l);
        if (inside) {
            sb.append(String.format(Locale.ROOT, " Table 1's slope lies inside the 95%% interval: L = %s-%s r0 (%.1fx) "
                    + "does not tell them apart.", num(lo), num(hi), hi / lo));
        } else {
            sb.append(String.format(Locale.ROOT, " L spans %s-%s r0 (%.1fx).", num(lo), num(hi), hi / lo));
        }
        boolean geometry = r.quantity().equals("geometry");
        double[] eps = pts.stream().mapToDouble(geometry ? ExperimentResult::testForceRmse
                : ExperimentResult::testEnergyRmse).toArray();
        Rate epsRate = Rate.fit(l, eps);
        String name = geometry ? "test force RMSE (eps^F)" : "test energy RMSE (eps^E)";
        String unit = geometry ? "meV/A" : "meV/atom";
        if (Double.isFinite(epsRate.slope())) {
            double se = epsRate.slope();
            sb.append(String.format(Locale.ROOT, " Fit error: %s %s %s, slope %s in L.", name, range(eps), unit,
                    signed(se)));
            boolean follows = holds(r, se);
            String eq = geometry ? "3.13" : "3.14";
            String followsText = String.format(Locale.ROOT, " The error follows its fit error (the slope of the one "
                    + "lies in the interval of the other): the fit-error term of (%s) dominates, and Table 1's rates "
                    + "are the limit in which it is negligible.", eq);
            if (inside) {
                // the interval holds Table 1's slope, so the fit error has no deviation to explain (and an
                // interval that wide holds its slope too without telling anything)
                sb.append(" The fit error is given for the record.");
            } else if (r.slope() < r.predicted()) {
                // Theorem 3.1 bounds the errors from above: a faster fall is within it
                sb.append(String.format(Locale.ROOT, " The error falls faster than Table 1's %s, the rate of the upper "
                        + "bound (%s): within the theorem.", table(r.predicted()), eq));
                if (follows) {
                    sb.append(followsText);
                }
            } else if (follows) {
                sb.append(followsText);
            } else if (se > r.predicted() + TOLERANCE) {
                sb.append(String.format(Locale.ROOT, " The fit error falls slower than Table 1's %s: its term of (%s) "
                        + "is a floor that larger training cells do not lower, so the error cannot fall at Table 1's "
                        + "rate once the L terms are below it.", table(r.predicted()), eq));
            } else {
                sb.append(String.format(Locale.ROOT, " The fit error falls at least as fast as Table 1's %s: it does "
                        + "not explain the deviation.", table(r.predicted())));
            }
        }
        long unconverged = pts.stream().filter(e -> !e.modelConverged()).count();
        if (unconverged > 0) {
            sb.append(String.format(Locale.ROOT, " %d of %d model relaxations stopped unconverged.", unconverged,
                    pts.size()));
        }
    }

    private static void againstRmse(StringBuilder sb, RateEntry r, List<ExperimentResult> pts, boolean inside) {
        double[] rmse = pts.stream().mapToDouble(ExperimentResult::testForceRmse).toArray();
        if (rmse.length == 0) {
            return;
        }
        if (inside) {
            sb.append(" Table 1's slope lies inside the 95% interval.");
        }
        double span = max(rmse) / min(rmse);
        sb.append(String.format(Locale.ROOT, " The sweep at L = %s r0 spans test force RMSE %s meV/A (%.1fx) over %d "
                + "bases.", num(pts.get(0).trainingSize()), range(rmse), span, rmse.length));
        if (span < NARROW_SPAN) {
            sb.append(" Over so narrow a span the L terms of (3.13), which do not change with the basis, and the "
                    + "scatter of the fits set the slope.");
        }
        if (r.quantity().equals("energy")) {
            // (3.14) is linear in eps^E: where that term dominates, the energy error goes as eps^E does
            Rate ef = Rate.fit(rmse, pts.stream().mapToDouble(ExperimentResult::testEnergyRmse).toArray());
            if (Double.isFinite(ef.slope())) {
                boolean follows = holds(r, ef.slope());
                sb.append(String.format(Locale.ROOT, " Over the sweep the test energy RMSE (eps^E, which (3.14) holds "
                        + "linearly) goes as RMSE^%s", signed(ef.slope())));
                sb.append(follows ? ", and the energy error follows it: the eps^E term dominates, not the (eps^F)^2 "
                        + "one that gives Table 1's 2." : ".");
            }
        }
    }

    /** Whether the rate's 95% interval holds {@code slope} (without an interval: within the tolerance of it). */
    private static boolean holds(RateEntry r, double slope) {
        return r.ci95()[0] != null ? r.ci95()[0] <= slope && slope <= r.ci95()[1]
                : Math.abs(slope - r.slope()) <= TOLERANCE;
    }

    /** Table 1's slopes are whole numbers: 0, -1, -2 (against L), 1, 2 (against the RMSE). */
    private static String table(double predicted) {
        return Long.toString(Math.round(predicted));
    }

    private static String interval(RateEntry r) {
        return r.ci95()[0] == null ? "" : " [" + signed(r.ci95()[0]) + ", " + signed(r.ci95()[1]) + "]";
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** A slope with its sign and two decimals; never "-0.00". */
    private static String signed(double v) {
        String s = String.format(Locale.ROOT, "%+.2f", v);
        return s.equals("-0.00") ? "+0.00" : s;
    }

    /** "lo-hi" of the values, or one number when they agree to three digits. */
    private static String range(double[] v) {
        String lo = num(min(v)), hi = num(max(v));
        return lo.equals(hi) ? lo : lo + "-" + hi;
    }

    /** Three significant digits without trailing zeros (6, 20, 6.12, 0.0537). */
    private static String num(double v) {
        return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString()
                : "n/a";
    }
}
