package org.burgers.simulation.elastic;

import org.burgers.core.InputException;
import org.burgers.core.elasticity.CauchyBorn;
import org.burgers.core.elasticity.LatticeConstant;
import org.burgers.core.elasticity.Voigt;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.lattice.Crystal;

/**
 * The relaxed lattice constant and the relaxed-ion elastic constants of a potential for a crystal, from the
 * Cauchy-Born derivatives of {@code core} (DESIGN.md s.3): {@code C = Voigt(d_F^2 W_cb(I))} and
 * {@code C3 = Voigt(d_F^3 W_cb(I))} at the zero-stress lattice constant, in GPa. For lattices with a basis
 * that is not a Bravais lattice (diamond, B2) the internal shifts relax at every strain
 * ({@code W_cb(F) = min_p W(F, p)}); for bcc and fcc every site is a lattice translation, so the clamped
 * and relaxed constants coincide and the cheaper clamped ones are computed.
 *
 * <p>C3 is the third derivative with respect to the infinitesimal strain at F = I (the convention of
 * {@link Voigt#third}), not the Brugger constants of the Lagrangian strain.
 *
 * @param crystal       the crystal at the relaxed lattice constant
 * @param a0            relaxed lattice constant (A)
 * @param energyPerAtom energy per atom at a0 (eV)
 * @param c             Voigt 6x6 (GPa)
 * @param c3            Voigt 6x6x6 (GPa)
 */
public record ElasticConstants(Crystal crystal, double a0, double energyPerAtom, double[][] c, double[][][] c3) {

    /** Relaxed a0 (searched within +-20 % of the guess), then C and C3 at a0. */
    public static ElasticConstants compute(Potential p, Crystal guess, boolean thirdOrder) {
        double a0 = latticeConstant(p, guess);
        Crystal crystal = guess.withA(a0);
        Structure cell = crystal.conventionalCell();
        p.checkSpecies(cell);
        CauchyBorn cb = CauchyBorn.of(p, cell, ionsFor(crystal));
        double e = p.energy(cb.reference()) / cell.size();
        double[][] c = cb.voigtGPa();
        double[][][] c3 = thirdOrder ? Voigt.scale(Voigt.third(cb.d3()), Voigt.GPA_PER_EV_A3) : null;
        return new ElasticConstants(crystal, a0, e, c, c3);
    }

    /** Clamped ions suffice when every basis site is a lattice translation of the first. */
    public static CauchyBorn.Ions ionsFor(Crystal c) {
        return c.lattice().isBravais() ? CauchyBorn.Ions.CLAMPED : CauchyBorn.Ions.RELAXED;
    }

    /**
     * The zero-pressure lattice constant near {@code guess.a()} (cubic scaling of the conventional cell):
     * Brent minimisation of E(a)/N on [0.8 a, 1.2 a] refined on the pressure ({@link LatticeConstant}).
     */
    public static double latticeConstant(Potential p, Crystal guess) {
        Structure unit = guess.withA(1.0).conventionalCell();
        p.checkSpecies(unit);
        double a = guess.a();
        try {
            return LatticeConstant.relax(p, unit, 0.8 * a, 1.2 * a).a();
        } catch (InputException e) {
            throw new InputException("no energy minimum of " + guess.lattice().name() + " "
                    + String.join(",", guess.species()) + " within 20 % of the guess a0 = " + a
                    + " A; give a better --a0 (" + e.getMessage() + ")");
        }
    }

    /**
     * A starting guess for a0 when the user gives none: the minimum of E(a)/N over a coarse scan in which
     * the nearest-neighbour distance runs from 1.5 A to the potential's cutoff.
     */
    public static double scanGuess(Potential p, Crystal crystal) {
        Structure unit = crystal.withA(1.0).conventionalCell();
        p.checkSpecies(unit);
        double rnn = nearestNeighbour(unit);
        double best = Double.NaN, bestE = Double.POSITIVE_INFINITY;
        int steps = 60;
        double lo = 1.5 / rnn, hi = p.cutoff() / rnn;
        for (int k = 0; k <= steps; k++) {
            double a = lo * Math.pow(hi / lo, (double) k / steps);
            double e;
            try {
                e = p.energy(LatticeConstant.scaled(unit, a)) / unit.size();
            } catch (RuntimeException ex) {
                continue;
            }
            if (e < bestE) {
                bestE = e;
                best = a;
            }
        }
        if (Double.isNaN(best)) {
            throw new InputException("could not evaluate the potential on " + crystal.lattice().name()
                    + " at any lattice constant; give --a0");
        }
        return best;
    }

    private static double nearestNeighbour(Structure unit) {
        org.burgers.core.neighbours.NeighbourList nl = org.burgers.core.neighbours.NeighbourList.half(unit, 1.5);
        double m = Double.POSITIVE_INFINITY;
        for (int p = 0; p < nl.pairs(); p++) {
            m = Math.min(m, Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p)));
        }
        return m;
    }
}
