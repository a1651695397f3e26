package org.burgers.analysis.study;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines of a study on a stream (stderr from the command line): each stage as it starts and ends,
 * with its wall time, and after each experiment an estimate of the time left (mean time of the experiments
 * computed in this run times the number left).
 */
public final class Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private int computed;
    private double computedSeconds;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(null);
    }

    public void line(String format, Object... args) {
        if (out != null) {
            out.printf(Locale.ROOT, "[study %6.1fs] %s%n", elapsed(), String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    public double elapsed() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** Records a computed experiment and returns the estimated seconds for the {@code left} still to run. */
    public double experimentDone(double seconds, int left) {
        computed++;
        computedSeconds += seconds;
        return computedSeconds / computed * left;
    }

    public static String duration(double s) {
        if (s < 90) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 5400) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
