package org.burgers.simulation.dislocation;

import java.util.Locale;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;

/** Manual probe (not a test): java -cp ... NialProbe kind size [chunk] [rattle]. */
public final class NialProbe {
    static final double GPA = 160.21766208;

    public static void main(String[] a) {
        Locale.setDefault(Locale.ROOT);
        DislocationSystem sys = DislocationSystem.NIAL_SCREW;
        if (System.getProperty("frame100") != null) {
            sys = new DislocationSystem("nial-screw", "b2", "Ni,Al", 2.8815,
                    org.burgers.simulation.lattice.Orientation.of(new int[] {1, 0, 0}, new int[] {0, 1, 0},
                            new int[] {0, 0, 1}), new double[] {0, 0, 1}, "builtin:NiAl");
        }
        Potential p = PotentialSpec.parse(sys.potential());
        ElasticConstants c = Dislocations.constants(sys, p);
        System.out.printf("a0 %.6f C11 %.2f C12 %.2f C44 %.2f e/atom? %n", c.a0(), c.c()[0][0], c.c()[0][1], c.c()[3][3]);
        DislocationConfiguration conf = Dislocations.predictor(sys, a[0], Double.parseDouble(a[1]), c);
        int chunk = a.length > 2 ? Integer.parseInt(a[2]) : 100000;
        double rattle = a.length > 3 ? Double.parseDouble(a[3]) : 0.01;
        double strain = a.length > 4 ? Double.parseDouble(a[4]) : 0;
        Structure s = conf.structure().deformed(new double[] {1 + strain, 0, 0, 0, 1 + strain, 0, 0, 0, 1});
        System.out.println("atoms " + s.size() + " cell " + java.util.Arrays.toString(s.cell().matrix()));
        System.out.println("beta " + java.util.Arrays.toString(conf.plastic()));
        for (DislocationCore k : conf.cores()) {
            System.out.printf("core %+.4f %+.4f b %+.4f%n", k.position()[0], k.position()[1], k.burgers()[2]);
        }
        report("predictor", conf, s, p);
        Structure start = rattle > 0 ? org.burgers.core.testing.Fixtures.rattle(s, rattle, 7) : s;
        double maxMove = a.length > 5 ? Double.parseDouble(a[5]) : 0.2;
        int total = 0;
        for (int round = 0; round < 400; round++) {
            RelaxResult r = LbfgsRelaxer.preconditioned().relax(start, p,
                    RelaxOptions.of(1e-6).withMaxSteps(20000).withMaxForceCalls(chunk).withMaxMove(maxMove));
            total += r.forceCalls();
            start = r.structure();
            System.out.printf("calls %d E %.6f fmax %.3e%n", total, r.energy(), r.fmax());
            report("after " + total, conf, start, p);
            if (r.converged()) {
                break;
            }
        }
    }

    static void report(String what, DislocationConfiguration conf, Structure s, Potential p) {
        DislocationConfiguration r = new DislocationConfiguration(conf.system(), conf.kind(), conf.size(),
                conf.a0(), s, conf.cores(), conf.plastic(), conf.referenceCell(), conf.voigtGPa());
        double[] st = p.evaluate(s, Request.FORCES).stress(s.cell().volume());
        double e = p.evaluate(s, Request.FORCES).energy();
        System.out.printf("%s: E %.6f stress GPa xx %.4f yy %.4f zz %.4f yz %.4f xz %.4f xy %.4f%n", what, e,
                st[0] * GPA, st[4] * GPA, st[8] * GPA, st[5] * GPA, st[2] * GPA, st[1] * GPA);
        for (DislocationCore k : conf.cores()) {
            double[] circ = DislocationBuilderTest.circuit(r, k.position()[0], k.position()[1], 4.5);
            double[] loc;
            try {
                loc = DislocationBuilderTest.coreLocation(r, k.position()[0], k.position()[1], 7);
            } catch (RuntimeException ex) {
                loc = new double[] {Double.NaN, Double.NaN};
            }
            System.out.printf("   core b %+.2f circuit z %+.3f  DD centroid offset (%+.2f %+.2f)%n", k.burgers()[2],
                    circ[2], loc[0] - k.position()[0], loc[1] - k.position()[1]);
        }
    }
}
