package org.burgers.simulation.relax;

import org.burgers.core.neighbours.VerletList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * Positions and cell together, in the manner of ASE's UnitCellFilter: the unknowns are the positions u
 * in the starting cell followed by c (F - I), F the deformation gradient of the cell, with positions
 * r = F u and cell vectors a = F a0. From W = sum r (x) f = -dE/d(strain) (DESIGN s.3):
 * dE/du = -F^T f and dE/dF = -W F^-T. The scale c = sqrt(N) gives the cell unknowns a stiffness of the
 * same order as the atoms' (dE^2/dF^2 ~ V C grows like N).
 */
final class CellObjective implements Objective {
    private final Structure start;
    private final Potential potential;
    private final VerletList verlet;
    private final RelaxOptions options;
    private final double scale;
    private final int n3;
    private Structure current;
    private double maxForce = Double.NaN;
    private double maxStress = Double.NaN;
    private int calls;

    CellObjective(Structure start, Potential potential, RelaxOptions o) {
        potential.checkSpecies(start);
        if (MoveMask.of(start) != null) {
            throw new org.burgers.core.InputException("the structure fixes coordinates (per-atom array '"
                    + MoveMask.ARRAY + "'): relax it with a fixed cell, cell relaxation with fixed atoms is not "
                    + "supported");
        }
        this.start = start;
        this.potential = potential;
        this.verlet = new VerletList(potential.cutoff(), o.skin(), potential.wantsHalfList());
        this.options = o;
        this.scale = Math.sqrt(Math.max(1, start.size()));
        this.n3 = 3 * start.size();
        this.current = start;
    }

    @Override
    public int dimension() {
        return n3 + 9;
    }

    @Override
    public int atomDimension() {
        return n3;
    }

    @Override
    public double[] start() {
        double[] x = new double[n3 + 9];
        System.arraycopy(start.positionsView(), 0, x, 0, n3);
        return x;
    }

    private double[] gradient(double[] x) {
        double[] f = new double[9];
        for (int k = 0; k < 9; k++) {
            f[k] = (k % 4 == 0 ? 1 : 0) + x[n3 + k] / scale;
        }
        return f;
    }

    @Override
    public double evaluate(double[] x, double[] grad) {
        double[] fg = gradient(x);
        double[] r = new double[n3];
        for (int i = 0; i < n3; i += 3) {
            for (int a = 0; a < 3; a++) {
                r[i + a] = fg[3 * a] * x[i] + fg[3 * a + 1] * x[i + 1] + fg[3 * a + 2] * x[i + 2];
            }
        }
        current = new Structure(r, start.elements(), start.cell().deform(fg), start.arrays());
        calls++;   // counted when attempted: a failed evaluation is a force call too
        Evaluation e = CheckedEvaluation.forces(potential, current, verlet);
        double[] f = e.forces();
        double m = 0;
        for (int i = 0; i < n3; i += 3) {
            for (int b = 0; b < 3; b++) {
                grad[i + b] = -(fg[b] * f[i] + fg[3 + b] * f[i + 1] + fg[6 + b] * f[i + 2]);
            }
            m = Math.max(m, Math.max(Math.abs(f[i]), Math.max(Math.abs(f[i + 1]), Math.abs(f[i + 2]))));
        }
        double[] w = e.virial();
        double[] finvT = inverseTranspose(fg);
        double vol = current.cell().volume();
        double ms = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double g = 0;
                for (int c = 0; c < 3; c++) {
                    g -= w[3 * a + c] * finvT[3 * c + b];
                }
                grad[n3 + 3 * a + b] = g / scale;
                ms = Math.max(ms, Math.abs(w[3 * a + b] / vol));
            }
        }
        if (!Double.isFinite(m) || !Double.isFinite(ms)) {
            throw new ArithmeticException("potential returned non-finite forces or virial during relaxation");
        }
        maxForce = m;
        maxStress = ms;
        return e.energy();
    }

    static double[] inverseTranspose(double[] a) {
        double d = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
        double[] inv = {
            (a[4] * a[8] - a[5] * a[7]) / d, (a[2] * a[7] - a[1] * a[8]) / d, (a[1] * a[5] - a[2] * a[4]) / d,
            (a[5] * a[6] - a[3] * a[8]) / d, (a[0] * a[8] - a[2] * a[6]) / d, (a[2] * a[3] - a[0] * a[5]) / d,
            (a[3] * a[7] - a[4] * a[6]) / d, (a[1] * a[6] - a[0] * a[7]) / d, (a[0] * a[4] - a[1] * a[3]) / d};
        return new double[] {inv[0], inv[3], inv[6], inv[1], inv[4], inv[7], inv[2], inv[5], inv[8]};
    }

    @Override
    public double maxForce() {
        return maxForce;
    }

    @Override
    public double maxStress() {
        return maxStress;
    }

    @Override
    public boolean converged() {
        return maxForce < options.fmax() && maxStress < options.stressTol();
    }

    @Override
    public Structure structure() {
        return current;
    }

    @Override
    public int forceCalls() {
        return calls;
    }
}
