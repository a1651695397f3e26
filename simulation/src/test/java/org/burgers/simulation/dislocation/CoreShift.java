package org.burgers.simulation.dislocation;

import java.util.List;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.elastic.ElasticTensor;
import org.burgers.simulation.dislocation.elastic.StrohIntegral;
import org.burgers.simulation.dislocation.periodic.Dipole;
import org.burgers.simulation.dislocation.periodic.PeriodicDislocationField;

/** Test helper: a quadrupole predictor with its cores moved, at an unchanged plastic distortion. */
final class CoreShift {
    private CoreShift() {
    }

    /**
     * The quadrupole predictor {@code conf} with core k moved by {@code shift[k]} (x, y; A): adds u(new cores) -
     * u(old cores) at every site. The shifts must leave the net slip unchanged.
     */
    static Structure moveCores(DislocationConfiguration conf, double[][] shift) {
        List<DislocationCore> cores = conf.cores();
        double[] b = cores.get(0).burgers();
        double[] rot = org.burgers.simulation.lattice.Supercell.build(conf.system().crystal(conf.a0()),
                conf.system().frame(), 1, 1, 1).rotation();
        ElasticTensor cf = ElasticTensor.fromVoigt(conf.voigtGPa()).rotated(rot);
        StrohIntegral field = new StrohIntegral(cf, b);
        double lx = conf.referenceCell()[0];
        double ly = conf.referenceCell()[4];
        double[][] pos = new double[4][];
        double[][] npos = new double[4][];
        for (int k = 0; k < 4; k++) {
            pos[k] = new double[] {cores.get(k).position()[0], cores.get(k).position()[1]};
            npos[k] = new double[] {pos[k][0] + shift[k][0], pos[k][1] + shift[k][1]};
        }
        // builder order: dipoles (p1, p2) and (p4, p3)
        PeriodicDislocationField old = new PeriodicDislocationField(List.of(new Dipole(field, pos[0], pos[1]),
                new Dipole(field, pos[3], pos[2])), new double[] {lx, 0}, new double[] {0, ly}, new double[] {0, 0}, 6);
        PeriodicDislocationField neu = new PeriodicDislocationField(List.of(new Dipole(field, npos[0], npos[1]),
                new Dipole(field, npos[3], npos[2])), new double[] {lx, 0}, new double[] {0, ly}, new double[] {0, 0}, 6);
        double[] betaOld = old.plasticDistortion();
        double[] betaNew = neu.plasticDistortion();
        for (int k = 0; k < 9; k++) {
            if (Math.abs(betaOld[k] - betaNew[k]) > 1e-12) {
                throw new IllegalArgumentException("shifts change the plastic distortion: " + k);
            }
        }
        Structure s = conf.structure();
        double[] lat = s.array("lattice");
        double[] x = s.positions();
        double[] u0 = new double[3];
        double[] u1 = new double[3];
        java.util.Map<Long, double[]> cache = new java.util.HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            long key = Math.round(lat[3 * i] * 1e4) * 4_000_000_007L + Math.round(lat[3 * i + 1] * 1e4);
            double[] d = cache.get(key);
            if (d == null) {
                old.displacement(lat[3 * i], lat[3 * i + 1], u0);
                neu.displacement(lat[3 * i], lat[3 * i + 1], u1);
                d = new double[] {u1[0] - u0[0], u1[1] - u0[1], u1[2] - u0[2]};
                cache.put(key, d);
            }
            for (int e = 0; e < 3; e++) {
                x[3 * i + e] += d[e];
            }
        }
        return s.withPositions(x).wrapped();
    }
}
