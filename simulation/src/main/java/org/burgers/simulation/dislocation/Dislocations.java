package org.burgers.simulation.dislocation;

import java.util.Locale;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.simulation.elastic.ElasticConstants;

/**
 * Entry point: the predictor configuration of a system with the lattice constant and relaxed-ion elastic
 * constants of a potential (Cauchy-Born, {@link ElasticConstants#compute}).
 */
public final class Dislocations {
    private Dislocations() {
    }

    /** The potential's a0 and C for the system's crystal. */
    public static ElasticConstants constants(DislocationSystem sys, Potential p) {
        return ElasticConstants.compute(p, sys.crystal(sys.a0()), false);
    }

    /**
     * The prismatic 1/2[111] vacancy loop on (111) of diameter {@code diameter} r0 in the cell of about
     * {@code cellSize} r0 along each axis (the simulation configuration of the loop study, section 4.3).
     */
    public static DislocationConfiguration prismaticLoop(DislocationSystem sys, double cellSize, double diameter,
                                                         ElasticConstants c) {
        if (!sys.name().equals(DislocationSystem.W_LOOP.name())) {
            throw new InputException("a prismatic loop needs system w-loop, not " + sys.name());
        }
        return LoopBuilder.prismatic(sys, c.a0(), c.c(), cellSize, diameter);
    }

    /**
     * @param kind "dipole" or "quadrupole" for the straight systems, "loop" (glide) or "prismatic-loop" for w-loop
     * @param size cell size in lattice constants (L for dipoles, N for quadrupoles and loops)
     */
    public static DislocationConfiguration predictor(DislocationSystem sys, String kind, double size,
                                                     ElasticConstants c) {
        String k = kind.toLowerCase(Locale.ROOT);
        boolean loopSystem = sys.name().equals(DislocationSystem.W_LOOP.name());
        boolean loopKind = k.equals("loop") || k.equals("prismatic-loop");
        if (loopSystem != loopKind) {
            throw new InputException(loopSystem
                    ? "system w-loop needs --kind loop or prismatic-loop"
                    : "--kind " + kind + " does not fit system " + sys.name() + " (use dipole or quadrupole)");
        }
        switch (k) {
            case "dipole":
                return DislocationBuilder.dipole(sys, c.a0(), c.c(), size);
            case "quadrupole":
                return DislocationBuilder.quadrupole(sys, c.a0(), c.c(), size);
            case "loop":
                return LoopBuilder.loop(sys, c.a0(), c.c(), size);
            case "prismatic-loop":
                return LoopBuilder.prismatic(sys, c.a0(), c.c(), size);
            default:
                throw new InputException("unknown --kind '" + kind + "' (known: dipole, quadrupole, loop, prismatic-loop)");
        }
    }
}
