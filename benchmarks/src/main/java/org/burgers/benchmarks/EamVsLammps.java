package org.burgers.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.eam.EamFileReader;
import org.burgers.potentials.eam.EamPotential;
import org.burgers.potentials.eam.EamTables;
import org.burgers.potentials.spec.Builtin;

/**
 * Side-by-side timing of energy + forces of bcc W with w_eam4.fs: ours (1 thread and all threads) against
 * LAMMPS ({@code lmp}, one process, the same structure written as a data file, the same potential file,
 * the same neighbour skin), in the same run. Usage:
 * {@code java ... org.burgers.benchmarks.EamVsLammps [n ...]} for n x n x n cubic cells (2 n^3 atoms);
 * default 20 40 (16,000 and 128,000 atoms). Prints one line per size with times per force call and ratios.
 */
public final class EamVsLammps {
    private static final double A0 = 3.14339;
    private static final double SKIN = 1.0;
    private static final int LAMMPS_STEPS = 20;

    private EamVsLammps() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {20, 40} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("eam-vs-lammps");
        Path file = dir.resolve("w_eam4.fs");
        try (InputStream in = new GZIPInputStream(Builtin.class.getResourceAsStream(
                "/org/burgers/potentials/builtin/" + Builtin.W.resource())); OutputStream o = Files.newOutputStream(file)) {
            in.transferTo(o);
        }
        EamTables t = EamFileReader.finnisSinclair(Builtin.W.open());
        EamPotential serial = new EamPotential(t, false);
        EamPotential parallel = new EamPotential(t, true);
        System.out.printf(Locale.ROOT, "# %d cores available; skin %.1f A; times are ms per energy+forces call "
                + "(neighbour list excluded for both)%n", Runtime.getRuntime().availableProcessors(), SKIN);
        System.out.println("# wall: median wall time; cpu: CPU time of the computing thread (LAMMPS: Pair wall time x its"
                + " reported CPU use), robust when the machine is shared");
        System.out.println("# atoms  round  lammps_wall  ours1_wall  ratio_wall  lammps_cpu  ours1_cpu  ratio_cpu  "
                + "ours_par_wall  speedup_par  list_build_ms  |dE|/N_eV");
        int rounds = Integer.getInteger("rounds", 3);
        for (int n : sizes) {
            Structure s = rattledBcc(n, 0.05, 42);
            NeighbourList nl = NeighbourList.half(s, t.cutoff() + SKIN);
            double listMs = time(() -> NeighbourList.half(s, t.cutoff() + SKIN), 2)[0];
            // interleaved rounds, so that a change of machine load affects both programs alike
            for (int round = 0; round < rounds; round++) {
                double[] lmp = lammps(s, file, dir);
                double[] one = time(() -> serial.evaluate(s, nl, Request.FORCES), 10);
                double[] par = time(() -> parallel.evaluate(s, nl, Request.FORCES), 10);
                Evaluation e = serial.evaluate(s, nl, Request.FORCES);
                System.out.printf(Locale.ROOT, "%7d  %5d  %11.2f  %10.2f  %10.3f  %10.2f  %9.2f  %9.3f  %13.2f  %11.2f  %13.1f  %.1e%n",
                        s.size(), round, lmp[0], one[0], one[0] / lmp[0], lmp[1], one[1], one[1] / lmp[1], par[0],
                        one[0] / par[0], listMs, Math.abs(e.energy() - lmp[2]) / s.size());
            }
        }
    }

    /** Median wall time and median CPU time of the calling thread (ms) of reps calls after as many warm-ups. */
    static double[] time(Runnable r, int reps) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = 0; k < reps; k++) {
            r.run();
        }
        double[] ms = new double[reps];
        double[] cpu = new double[reps];
        for (int k = 0; k < reps; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.run();
            ms[k] = (System.nanoTime() - t0) / 1e6;
            cpu[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new double[] {ms[reps / 2], cpu[reps / 2]};
    }

    static Structure rattledBcc(int n, double sigma, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[3 * 2 * n * n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (int b = 0; b < 2; b++) {
                        x[k++] = (i + 0.5 * b) * A0 + sigma * rnd.nextGaussian();
                        x[k++] = (j + 0.5 * b) * A0 + sigma * rnd.nextGaussian();
                        x[k++] = (l + 0.5 * b) * A0 + sigma * rnd.nextGaussian();
                    }
                }
            }
        }
        return Structure.of(x, "W", Cell.orthorhombic(n * A0, n * A0, n * A0)).wrapped();
    }

    /** Runs lmp; returns {pair wall ms per force call, pair CPU ms per call, energy}. */
    static double[] lammps(Structure s, Path potential, Path dir) throws IOException, InterruptedException {
        Path data = dir.resolve("w.data");
        double l = s.cell().get(0, 0);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(data))) {
            w.printf(Locale.ROOT, "bcc W%n%n%d atoms%n1 atom types%n%n0 %.16g xlo xhi%n0 %.16g ylo yhi%n0 %.16g zlo zhi%n"
                    + "%nMasses%n%n1 183.84%n%nAtoms # atomic%n%n", s.size(), l, l, l);
            for (int i = 0; i < s.size(); i++) {
                w.printf(Locale.ROOT, "%d 1 %.16g %.16g %.16g%n", i + 1, s.x(i, 0), s.x(i, 1), s.x(i, 2));
            }
        }
        Path in = dir.resolve("in.bench");
        Files.writeString(in, String.join("\n", "units metal", "atom_style atomic", "boundary p p p",
                "atom_modify map array", "read_data " + data, "pair_style eam/fs", "pair_coeff * * " + potential + " W",
                String.format(Locale.ROOT, "neighbor %.1f bin", SKIN), "neigh_modify every 1 delay 0 check yes",
                "thermo_style custom step pe", "thermo_modify format float %.17g",
                "run " + LAMMPS_STEPS, "") );
        Path screen = dir.resolve("screen.txt");
        ProcessBuilder pb = new ProcessBuilder("lmp", "-in", in.toString(), "-log", "none", "-screen", screen.toString());
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("lmp failed: " + Files.readString(screen));
        }
        String out = Files.readString(screen);
        double pair = section(out, "Pair");
        Matcher m = Pattern.compile("(?m)^\\s*0\\s+(-?[0-9.eE+-]+)\\s*$").matcher(out);
        double energy = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        // the timing breakdown covers the run loop: LAMMPS_STEPS force calls (setup excluded)
        Matcher cpu = Pattern.compile("([0-9.]+)% CPU use").matcher(out);
        double cpuFraction = cpu.find() ? Double.parseDouble(cpu.group(1)) / 100 : Double.NaN;
        return new double[] {1000 * pair / LAMMPS_STEPS, 1000 * pair / LAMMPS_STEPS * cpuFraction, energy};
    }

    private static double section(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s*\\|\\s*([0-9.eE+-]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no '" + name + "' line in the LAMMPS timing breakdown:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
