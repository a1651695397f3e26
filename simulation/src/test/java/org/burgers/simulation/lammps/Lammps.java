package org.burgers.simulation.lammps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.structure.Structure;
import org.junit.jupiter.api.Assumptions;

/**
 * LAMMPS as an independent reference for the simulation tests: the shared oracle
 * ({@code ../shared/oracle/lammps_eval.py}) for virials, and a small LAMMPS input of our own for
 * minimisations. Each reference potential is described by its pair_style and pair_coeff.
 */
final class Lammps {
    static final Path SHARED = Path.of("../shared");

    /** A reference potential as LAMMPS knows it: builtin spec, pair_style, file, elements for pair_coeff. */
    enum Reference {
        W("builtin:W", "eam/fs", "w_eam4.fs.gz", "W"),
        NIAL("builtin:NiAl", "eam/alloy", "NiAl_Mishin_2002.eam.alloy.gz", "Ni Al"),
        SI("builtin:Si", "tersoff/mod/c", "Si.tersoff.modc", "Si");

        final String spec;
        final String style;
        final String file;
        final String elements;

        Reference(String spec, String style, String file, String elements) {
            this.spec = spec;
            this.style = style;
            this.file = file;
            this.elements = elements;
        }

        /** pair_coeff arguments with the (gunzipped) file placed in dir. */
        String coeff(Path dir) throws IOException {
            Path src = SHARED.resolve("potentials").resolve(file);
            Path out = dir.resolve(file.replace(".gz", ""));
            if (!Files.exists(out)) {
                try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(src))
                        : Files.newInputStream(src); OutputStream o = Files.newOutputStream(out)) {
                    in.transferTo(o);
                }
            }
            return "* * " + out.toAbsolutePath() + " " + elements;
        }
    }

    private Lammps() {
    }

    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(dir, "lmp"));
        }
        Assumptions.assumeTrue(found, "LAMMPS (lmp) is not installed");
    }

    /** The virial (eV, row-major 3x3) of s from the shared oracle. */
    static double[] virial(Structure s, Reference ref, Path dir) {
        try {
            Path xyz = Files.createTempFile(dir, "s", ".xyz");
            ExtXyz.write(xyz, Frame.of(s.withoutArrays()));
            Process p = new ProcessBuilder("python3", SHARED.resolve("oracle/lammps_eval.py").toString(),
                    xyz.toString(), "--pair", ref.style, "--coeff", ref.coeff(dir)).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("lammps_eval failed: " + new String(err) + new String(out));
            }
            JsonNode w = new ObjectMapper().readTree(out).get("virial");
            double[] v = new double[9];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    v[3 * a + b] = w.get(a).get(b).asDouble();
                }
            }
            return v;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Minimises s (orthorhombic cell with origin 0, fixed) with LAMMPS' conjugate gradients to a force
     * tolerance of 1e-8 eV/A and returns the largest distance (minimum image) any atom moved.
     */
    static double minimiseAndMeasure(Structure s, Reference ref, Path dir) throws Exception {
        double[] m = s.cell().matrix();
        if (m[1] != 0 || m[2] != 0 || m[3] != 0 || m[5] != 0 || m[6] != 0 || m[7] != 0) {
            throw new IllegalArgumentException("minimiseAndMeasure needs an orthorhombic cell");
        }
        double[] box = {m[0], m[4], m[8]};
        Structure w = s.wrapped();
        List<String> kinds = new ArrayList<>(List.of(ref.elements.split(" ")));
        StringBuilder data = new StringBuilder("minimum check\n\n").append(s.size()).append(" atoms\n")
                .append(kinds.size()).append(" atom types\n\n");
        data.append(String.format("0 %.17g xlo xhi%n0 %.17g ylo yhi%n0 %.17g zlo zhi%n%nMasses%n%n", box[0], box[1], box[2]));
        for (int k = 0; k < kinds.size(); k++) {
            data.append(k + 1).append(' ').append(org.burgers.core.structure.Element.of(kinds.get(k)).mass()).append('\n');
        }
        data.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            int type = kinds.indexOf(s.element(i).symbol()) + 1;
            data.append(String.format("%d %d %.17g %.17g %.17g%n", i + 1, type, w.x(i, 0), w.x(i, 1), w.x(i, 2)));
        }
        Path dataFile = Files.createTempFile(dir, "min", ".data");
        Files.writeString(dataFile, data.toString());
        Path dump = dir.resolve(dataFile.getFileName() + ".dump");
        String input = String.join("\n",
                "units metal", "atom_style atomic", "boundary p p p", "atom_modify map array sort 0 0",
                "read_data " + dataFile.toAbsolutePath(),
                "pair_style " + ref.style, "pair_coeff " + ref.coeff(dir),
                "min_style cg", "minimize 0.0 1.0e-8 10000 100000",
                "write_dump all custom " + dump.toAbsolutePath() + " id x y z modify sort id format float %.17g", "");
        Path in = Files.createTempFile(dir, "in", ".lmp");
        Files.writeString(in, input);
        Process p = new ProcessBuilder("lmp", "-in", in.toString(), "-log", "none").redirectErrorStream(true).start();
        String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("lmp failed:\n" + screen);
        }
        String[] lines = Files.readString(dump).split("ITEM: ATOMS id x y z")[1].trim().split("\n");
        double worst = 0;
        for (String line : lines) {
            String[] t = line.trim().split("\\s+");
            int i = Integer.parseInt(t[0]) - 1;
            double d2 = 0;
            for (int a = 0; a < 3; a++) {
                double d = Double.parseDouble(t[1 + a]) - w.x(i, a);
                d -= box[a] * Math.rint(d / box[a]);
                d2 += d * d;
            }
            worst = Math.max(worst, Math.sqrt(d2));
        }
        return worst;
    }
}
