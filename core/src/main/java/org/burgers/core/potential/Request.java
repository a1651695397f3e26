package org.burgers.core.potential;

/**
 * What an evaluation should compute besides the energy. Potentials may compute more than asked, never less.
 */
public record Request(boolean forces, boolean virial, boolean siteEnergies, boolean hessian) {
    public static final Request ENERGY = new Request(false, false, false, false);
    /** Energy, forces and virial: what relaxations and training labels need. */
    public static final Request FORCES = new Request(true, true, false, false);
    public static final Request ALL = new Request(true, true, true, false);
    public static final Request WITH_HESSIAN = new Request(true, true, true, true);
}
