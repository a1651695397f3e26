package org.burgers.simulation.dislocation;

import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/** Manual probe: stress of the unrelaxed predictor. */
public final class StressProbe {
    public static void main(String[] a) {
        DislocationSystem sys = DislocationSystem.named(a[0]);
        Potential p = PotentialSpec.parse(sys.potential());
        DislocationConfiguration conf = Dislocations.predictor(sys, a[1], Double.parseDouble(a[2]), Dislocations.constants(sys, p));
        Structure s = conf.structure();
        double[] st = p.evaluate(s, Request.FORCES).stress(s.cell().volume());
        StringBuilder sb = new StringBuilder("predictor stress GPa");
        for (double v : st) {
            sb.append(String.format(" %.4f", v * 160.21766208));
        }
        System.out.println(sb + " fmax " + p.evaluate(s, Request.FORCES).maxForceComponent());
        System.out.println("cores " + conf.cores().stream().map(c -> java.util.Arrays.toString(c.position()) + java.util.Arrays.toString(c.burgers())).toList());
        System.out.println("beta " + java.util.Arrays.toString(conf.plastic()));
    }
}
