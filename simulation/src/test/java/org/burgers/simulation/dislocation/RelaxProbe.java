package org.burgers.simulation.dislocation;

import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.simulation.elastic.ElasticConstants;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;

/** Manual probe (not a test): java -cp ... RelaxProbe system kind size [method]. */
public final class RelaxProbe {
    public static void main(String[] a) {
        DislocationSystem sys = DislocationSystem.named(a[0]);
        Potential p = PotentialSpec.parse(sys.potential());
        long t0 = System.nanoTime();
        ElasticConstants c = Dislocations.constants(sys, p);
        System.out.println("a0 " + c.a0() + " C11 " + c.c()[0][0] + " C12 " + c.c()[0][1] + " C44 " + c.c()[3][3]);
        DislocationConfiguration conf = Dislocations.predictor(sys, a[1], Double.parseDouble(a[2]), c);
        long t1 = System.nanoTime();
        System.out.println("atoms " + conf.structure().size() + " build s " + (t1 - t0) * 1e-9);
        String method = a.length > 3 ? a[3] : "precon";
        RelaxResult r = (method.equals("precon") ? LbfgsRelaxer.preconditioned() : new LbfgsRelaxer())
                .relax(conf.structure(), p, RelaxOptions.of(1e-6).withMaxSteps(20000).withMaxForceCalls(40000));
        long t2 = System.nanoTime();
        System.out.println(method + " converged " + r.converged() + " it " + r.iterations() + " calls " + r.forceCalls()
                + " fmax " + r.fmax() + " E " + r.energy() + " s " + (t2 - t1) * 1e-9 + " msg " + r.message());
        double[] st = p.evaluate(r.structure(), org.burgers.core.potential.Request.FORCES).stress(r.structure().cell().volume());
        StringBuilder sb = new StringBuilder("stress GPa");
        for (double v : st) {
            sb.append(' ').append(String.format("%.4f", v * 160.21766208));
        }
        System.out.println(sb);
    }
}
