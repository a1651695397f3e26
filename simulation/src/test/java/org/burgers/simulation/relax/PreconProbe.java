package org.burgers.simulation.relax;

import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.dislocation.Dislocations;

/**
 * Manual probe (not a test): relaxes the W screw quadrupole predictor with plain and preconditioned
 * L-BFGS, interleaved in one JVM, and prints where each spent its effort.
 * java -cp ... PreconProbe size|bulk fmax variant...   (variants: plain, precon[:key=value,...])
 */
public final class PreconProbe {
    public static void main(String[] a) {
        DislocationSystem sys = DislocationSystem.W_SCREW;
        Potential p = PotentialSpec.parse(sys.potential());
        // "bulk": the rattled, long-wave-perturbed 16,000-atom W cell of PreconditionedPerformanceTest
        Structure s = a[0].equals("bulk")
                ? PreconditionedPerformanceTest.perturbed(org.burgers.simulation.lattice.Supercell.build(
                        org.burgers.simulation.lattice.Crystal.of("bcc", 3.14339, "W"),
                        org.burgers.simulation.lattice.Orientation.CUBE, 20, 20, 20).structure(), 0.05, 0.3, 5)
                : Dislocations.predictor(sys, "quadrupole", Double.parseDouble(a[0]), Dislocations.constants(sys, p))
                        .structure();
        double fmax = Double.parseDouble(a[1]);
        System.out.println("atoms " + s.size());
        RelaxOptions o = RelaxOptions.of(fmax).withMaxSteps(20000).withMaxForceCalls(40000);
        for (int k = 2; k < a.length; k++) {
            String v = a[k];
            LbfgsRelaxer r = v.startsWith("precon") ? new LbfgsRelaxer(20, settings(v)) : new LbfgsRelaxer();
            RelaxTrace t = new RelaxTrace();
            t.verbose = v.contains("verbose");
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            RelaxResult res = r.relax(s, p, o, t);
            long t1 = System.nanoTime();
            long cpu1 = cpu();
            System.out.printf("%-8s conv %s calls %d fmax %.2e E %.9f wall %.1f s cpu %.1f s | %s | %s%n", v,
                    res.converged(), res.forceCalls(), res.fmax(), res.energy(), (t1 - t0) * 1e-9,
                    (cpu1 - cpu0) * 1e-9, t, res.message());
        }
    }

    /** precon[:key=value,...] with keys a, rcut, cstab, rtol, verbose. */
    private static ExpPreconditioner.Settings settings(String v) {
        ExpPreconditioner.Settings d = ExpPreconditioner.Settings.defaults();
        double a = d.a(), rc = d.rcutFactor(), cs = d.cStab(), rt = d.cgRtol();
        int colon = v.indexOf(':');
        if (colon > 0) {
            for (String kv : v.substring(colon + 1).split(",")) {
                String[] p = kv.split("=");
                switch (p[0]) {
                    case "a" -> a = Double.parseDouble(p[1]);
                    case "rcut" -> rc = Double.parseDouble(p[1]);
                    case "cstab" -> cs = Double.parseDouble(p[1]);
                    case "rtol" -> rt = Double.parseDouble(p[1]);
                    case "verbose" -> { }
                    default -> throw new IllegalArgumentException(kv);
                }
            }
        }
        return new ExpPreconditioner.Settings(a, rc, cs, rt);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
