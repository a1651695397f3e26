package org.burgers.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/** Runs the shared LAMMPS oracle ({@code ../shared/oracle/lammps_eval.py}) on a structure; test support. */
public final class LammpsOracle {
    public static final Path SHARED = Path.of("../shared");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Energy, forces (3N) and virial (row-major 3x3) from LAMMPS. */
    public record Result(double energy, double[] forces, double[] virial) {
    }

    private LammpsOracle() {
    }

    public static Result run(Structure s, String pairStyle, String pairCoeff, Path workDir) throws IOException,
            InterruptedException {
        Path xyz = Files.createTempFile(workDir, "s", ".xyz");
        ExtXyz.write(xyz, Frame.of(s));
        List<String> cmd = new ArrayList<>(List.of("python3", SHARED.resolve("oracle/lammps_eval.py").toString(),
                xyz.toString(), "--pair", pairStyle, "--coeff", pairCoeff));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("lammps_eval failed: " + new String(err) + new String(out));
        }
        JsonNode j = JSON.readTree(out);
        int n = j.get("natoms").asInt();
        double[] f = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                f[3 * i + a] = j.get("forces").get(i).get(a).asDouble();
            }
        }
        double[] w = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                w[3 * a + b] = j.get("virial").get(a).get(b).asDouble();
            }
        }
        return new Result(j.get("energy").asDouble(), f, w);
    }

    /** Gunzips a shared potential file into dir (LAMMPS reads plain text) and returns its path. */
    public static Path gunzip(String name, Path dir) throws IOException {
        Path out = dir.resolve(name.replace(".gz", ""));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SHARED.resolve("potentials").resolve(name)));
             OutputStream o = Files.newOutputStream(out)) {
            in.transferTo(o);
        }
        return out;
    }

    public static void assertAgrees(Potential pot, Structure s, String style, String coeff, Path dir)
            throws Exception {
        LammpsOracle.Result ref = run(s, style, coeff, dir);
        Evaluation ours = pot.evaluate(s, Request.FORCES);
        int n = s.size();
        double de = Math.abs(ours.energy() - ref.energy()) / n;
        double df = 0, dw = 0;
        for (int k = 0; k < 3 * n; k++) {
            df = Math.max(df, Math.abs(ours.forces()[k] - ref.forces()[k]));
        }
        for (int k = 0; k < 9; k++) {
            dw = Math.max(dw, Math.abs(ours.virial()[k] - ref.virial()[k]));
        }
        System.out.printf("%s %d atoms: |dE|/N = %.2e eV, max|dF| = %.2e eV/A, max|dW| = %.2e eV (E/N = %.6f)%n",
                style, n, de, df, dw, ref.energy() / n);
        assertTrue(de < 1e-9, "energy per atom differs from LAMMPS by " + de);
        assertTrue(df < 1e-8, "force differs from LAMMPS by " + df);
        assertTrue(dw < 1e-7, "virial differs from LAMMPS by " + dw);
    }
}
