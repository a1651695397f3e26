package org.burgers.analysis.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code burgers eval}: energy, forces, virial and site energies (and optionally the Hessian) of one structure
 * with one potential, as JSON, in the structure's own frame.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a potential on a structure; prints JSON {natoms, energy, forces, virial, "
                + "siteEnergies[, hessian]} (eV, eV/A; virial = sum_i r_i (x) f_i = -stress * volume).",
        resourceBundle = "org.burgers.analysis.cli.EvalCommand")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    PotentialOption potential;

    @Mixin
    StructureInput structure;

    @Option(names = "--hessian", description = "also print the Hessian as a list of [i, j, 3x3 block] (eV/A^2)")
    boolean hessian;

    @Override
    public Integer call() {
        Structure s = structure.structure();
        Potential p = potential.parse();
        Evaluation e = p.evaluate(s, hessian ? Request.WITH_HESSIAN : Request.ALL);
        System.out.println(Json.write(toJson(s.size(), e, hessian)));
        return 0;
    }

    static Map<String, Object> toJson(int n, Evaluation e, boolean withHessian) {
        double[][] f = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                f[i][a] = finite(e.forces()[3 * i + a], "force on atom " + i);
            }
        }
        double[][] w = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                w[a][b] = finite(e.virial()[3 * a + b], "virial");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("natoms", n);
        out.put("energy", e.energy());
        out.put("forces", f);
        out.put("virial", w);
        out.put("siteEnergies", e.siteEnergies());
        if (withHessian) {
            BlockHessian h = e.hessian();
            List<Object> blocks = new ArrayList<>();
            for (int i = 0; i < h.atoms(); i++) {
                for (int k = h.rowStart(i); k < h.rowEnd(i); k++) {
                    double[][] b = new double[3][3];
                    for (int a = 0; a < 3; a++) {
                        for (int c = 0; c < 3; c++) {
                            b[a][c] = finite(h.blockValue(k, a, c), "Hessian");
                        }
                    }
                    blocks.add(List.of(i, h.blockColumn(k), b));
                }
            }
            out.put("hessian", blocks);
        }
        return out;
    }

    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("the potential returned a non-finite " + what + ": " + v);
        }
        return v;
    }
}
