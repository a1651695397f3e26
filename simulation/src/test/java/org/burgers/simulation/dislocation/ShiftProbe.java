package org.burgers.simulation.dislocation;

import java.util.Locale;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;

/**
 * Manual probe (not a test): the NiAl quadrupole predictor with its cores moved by given offsets, relaxed.
 * java -cp ... ShiftProbe size dx1 dy1 dx2 dy2 dx3 dy3 dx4 dy4 [rattle]
 */
public final class ShiftProbe {
    public static void main(String[] a) {
        Locale.setDefault(Locale.ROOT);
        DislocationSystem sys = DislocationSystem.NIAL_SCREW;
        Potential p = PotentialSpec.parse(sys.potential());
        ElasticConstants c = Dislocations.constants(sys, p);
        DislocationConfiguration conf = Dislocations.predictor(sys, "quadrupole", Double.parseDouble(a[0]), c);
        double[][] shift = new double[4][2];
        for (int k = 0; k < 4; k++) {
            shift[k][0] = Double.parseDouble(a[1 + 2 * k]);
            shift[k][1] = Double.parseDouble(a[2 + 2 * k]);
        }
        double rattle = a.length > 9 ? Double.parseDouble(a[9]) : 0.01;
        Structure moved = moveCores(conf, shift);
        NialProbe.report("predictor shifted", conf, moved, p);
        Structure start = rattle > 0 ? org.burgers.core.testing.Fixtures.rattle(moved, rattle, 7) : moved;
        RelaxResult r = LbfgsRelaxer.preconditioned().relax(start, p,
                RelaxOptions.of(1e-6).withMaxSteps(20000).withMaxForceCalls(40000));
        System.out.printf("converged %b calls %d E %.6f fmax %.3e%n", r.converged(), r.forceCalls(), r.energy(), r.fmax());
        NialProbe.report("relaxed", conf, r.structure(), p);
        String taus = System.getProperty("taus");
        if (taus != null) {
            Structure relaxed = r.structure();
            for (String t : taus.split(",")) {
                double tau = Double.parseDouble(t);   // MPa, sigma_yz
                double gamma = tau / 1000 / c.c()[3][3];
                // z += gamma y: sigma_yz = C44 gamma (C44' = C44 for rotations about [001])
                Structure sh = relaxed.deformed(new double[] {1, 0, 0, 0, 1, 0, 0, gamma, 1});
                RelaxResult rs = LbfgsRelaxer.preconditioned().relax(sh, p,
                        RelaxOptions.of(1e-6).withMaxSteps(20000).withMaxForceCalls(40000));
                System.out.printf("tau_yz %.1f MPa: converged %b calls %d E %.6f%n", tau, rs.converged(), rs.forceCalls(), rs.energy());
                NialProbe.report("sheared " + tau, conf, rs.structure(), p);
            }
        }
    }

    static Structure moveCores(DislocationConfiguration conf, double[][] shift) {
        return CoreShift.moveCores(conf, shift);
    }
}
