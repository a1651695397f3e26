package org.burgers.simulation.relax;

import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * FIRE, the fast inertial relaxation engine of Bitzek, Koskinen, Gaehler, Moseler and Gumbsch,
 * Phys. Rev. Lett. 97, 170201 (2006), with the parameters of that paper (N_min = 5, f_inc = 1.1,
 * f_dec = 0.5, alpha_start = 0.1, f_alpha = 0.99) and unit masses, as in ASE. When the power P = F.v
 * turns negative the atoms are moved back by half a step before the velocities are zeroed (the
 * correction of Guenole et al., Comput. Mater. Sci. 175, 109584 (2020)). Uses only forces.
 */
public final class FireRelaxer implements Relaxer {
    private final double dt0;
    private final double dtMax;

    /** dt = 0.1, dt_max = 1.0 (ASE's defaults, in its units of A sqrt(amu/eV)). */
    public FireRelaxer() {
        this(0.1, 1.0);
    }

    public FireRelaxer(double dt, double dtMax) {
        this.dt0 = dt;
        this.dtMax = dtMax;
    }

    @Override
    public String name() {
        return "fire";
    }

    @Override
    public RelaxResult relax(Structure start, Potential potential, RelaxOptions o) {
        Objective obj = o.relaxCell() ? new CellObjective(start, potential, o) : new AtomsObjective(start, potential, o);
        int n = obj.dimension();
        double[] x = obj.start();
        double[] g = new double[n];
        double[] v = new double[n];
        double e = obj.evaluate(x, g);
        double dt = dt0, alpha = 0.1;
        int positive = 0;
        int it = 0;
        while (!obj.converged()) {
            if (it >= o.maxSteps() || obj.forceCalls() >= o.maxForceCalls()) {
                return new RelaxResult(obj.structure(), false, it, obj.forceCalls(), e, obj.maxForce(),
                        obj.maxStress(), (it >= o.maxSteps() ? "iteration" : "force-call") + " budget exhausted");
            }
            it++;
            double power = 0, vv = 0, ff = 0;
            for (int k = 0; k < n; k++) {
                power -= g[k] * v[k];
                vv += v[k] * v[k];
                ff += g[k] * g[k];
            }
            if (power > 0) {
                double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
                for (int k = 0; k < n; k++) {
                    v[k] = (1 - alpha) * v[k] - mix * g[k];
                }
                if (++positive > 5) {
                    dt = Math.min(dt * 1.1, dtMax);
                    alpha *= 0.99;
                }
            } else {
                for (int k = 0; k < n; k++) {
                    x[k] -= 0.5 * dt * v[k];
                    v[k] = 0;
                }
                positive = 0;
                dt *= 0.5;
                alpha = 0.1;
            }
            // semi-implicit Euler (unit masses): v += dt F, dx = dt v, capped at maxMove per atom
            for (int k = 0; k < n; k++) {
                v[k] -= dt * g[k];
            }
            double[] dx = new double[n];
            for (int k = 0; k < n; k++) {
                dx[k] = dt * v[k];
            }
            LbfgsRelaxer.limitStep(dx, obj.atomDimension(), o.maxMove());
            for (int k = 0; k < n; k++) {
                x[k] += dx[k];
            }
            Structure last = obj.structure();
            double lastFmax = obj.maxForce(), lastSmax = obj.maxStress();
            try {
                e = obj.evaluate(x, g);
            } catch (NonFiniteEvaluationException ex) {
                // FIRE has no step to retract: the run ends at the last finite point, unconverged
                return new RelaxResult(last, false, it, obj.forceCalls(), e, lastFmax, lastSmax,
                        "potential not finite at iteration " + it + " (" + ex.getMessage() + ")");
            }
        }
        return new RelaxResult(obj.structure(), true, it, obj.forceCalls(), e, obj.maxForce(), obj.maxStress(),
                "converged");
    }
}
