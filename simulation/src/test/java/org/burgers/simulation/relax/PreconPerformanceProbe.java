package org.burgers.simulation.relax;

import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;

/** Development probe (not a test): force calls and time of plain vs preconditioned L-BFGS. */
public final class PreconPerformanceProbe {
    /** Rattle plus a long-wavelength displacement wave of amplitude amp along each axis. */
    public static Structure perturbed(Structure s, double rattle, double amp, long seed) {
        Structure r = Fixtures.rattle(s, rattle, seed);
        double[] x = r.positions();
        double[] f = s.cell().toFractional(s.positionsView());
        for (int i = 0; i < x.length; i += 3) {
            x[i] += amp * Math.sin(2 * Math.PI * f[i + 1]);
            x[i + 1] += amp * Math.sin(2 * Math.PI * f[i + 2]);
            x[i + 2] += amp * Math.sin(2 * Math.PI * f[i]);
        }
        return r.withPositions(x);
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        double fmax = Double.parseDouble(args[1]);
        Potential p = org.burgers.core.potential.PotentialSpec.parse("builtin:W");
        Structure s = perturbed(Fixtures.bcc("W", 3.14339, n), Double.parseDouble(args[2]), Double.parseDouble(args[3]), 5);
        Relaxer[] all = {LbfgsRelaxer.preconditioned(), new LbfgsRelaxer(), new FireRelaxer()};
        for (int k = 4; k < args.length; k++) {
            Relaxer r = all[Integer.parseInt(args[k])];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            RelaxResult res = r.relax(s, p, RelaxOptions.of(fmax));
            System.out.printf("%s atoms=%d converged=%s it=%d calls=%d fmax=%.2e E=%.10f time=%.2fs cpu=%.2fs%n", r.name(),
                    s.size(), res.converged(), res.iterations(), res.forceCalls(), res.fmax(), res.energy(),
                    (System.nanoTime() - t0) / 1e9, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
        }
    }
}
