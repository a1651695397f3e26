package org.burgers.fitting.errors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.fitting.data.LabelledConfiguration;

/**
 * RMSE and MAE of energy, forces and virial of a potential against labelled configurations, overall and per
 * {@code config_type}. The model is evaluated afresh (through {@link Potential}), so the table also checks
 * the assembly rather than echoing it.
 */
public record ErrorTable(ErrorStats all, Map<String, ErrorStats> byConfigType) {

    public static ErrorTable of(Potential model, List<LabelledConfiguration> data, int threads) {
        Evaluation[] ev = new Evaluation[data.size()];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> java.util.stream.IntStream.range(0, data.size()).parallel()
                    .forEach(i -> ev[i] = model.evaluate(data.get(i).structure(), Request.FORCES))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        Acc all = new Acc();
        Map<String, Acc> by = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            LabelledConfiguration c = data.get(i);
            all.add(c, ev[i]);
            by.computeIfAbsent(c.configType(), k -> new Acc()).add(c, ev[i]);
        }
        Map<String, ErrorStats> m = new TreeMap<>();
        by.forEach((k, v) -> m.put(k, v.stats()));
        return new ErrorTable(all.stats(), m);
    }

    private static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    private static final class Acc {
        int configs;
        int ne;
        int nf;
        int nv;
        double e2;
        double e1;
        double f2;
        double f1;
        double v2;
        double v1;

        void add(LabelledConfiguration c, Evaluation e) {
            configs++;
            int n = c.atoms();
            if (c.energy() != null) {
                double d = 1000 * (e.energy() - c.energy()) / n;
                e2 += d * d;
                e1 += Math.abs(d);
                ne++;
            }
            if (c.forces() != null) {
                double[] f = c.forces();
                for (int q = 0; q < f.length; q++) {
                    double d = 1000 * (e.forces()[q] - f[q]);
                    f2 += d * d;
                    f1 += Math.abs(d);
                    nf++;
                }
            }
            if (c.virial() != null) {
                for (int[] p : VOIGT) {
                    int ab = 3 * p[0] + p[1];
                    double d = 1000 * (e.virial()[ab] - c.virial()[ab]) / n;
                    v2 += d * d;
                    v1 += Math.abs(d);
                    nv++;
                }
            }
        }

        ErrorStats stats() {
            return new ErrorStats(configs, rms(e2, ne), mean(e1, ne), rms(f2, nf), mean(f1, nf), rms(v2, nv),
                    mean(v1, nv));
        }

        static Double rms(double s, int n) {
            return n == 0 ? null : Math.sqrt(s / n);
        }

        static Double mean(double s, int n) {
            return n == 0 ? null : s / n;
        }
    }
}
