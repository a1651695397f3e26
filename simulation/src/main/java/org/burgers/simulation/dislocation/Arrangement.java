package org.burgers.simulation.dislocation;

/**
 * How the cores of a straight-dislocation system are laid out in the periodic cell and joined by cuts.
 */
public enum Arrangement {
    /**
     * Dipole partners on one glide plane (for screws: on nearby heights), the cut along x; the quadrupole a
     * checkerboard, each core's four nearest opposite-sign neighbours at 0 and 90 degrees to the glide plane.
     * Used by w-screw, si-edge and nial-screw (screw cores feel no glide force at these angles; the Si edge
     * cores are held by the lattice).
     */
    GLIDE_PLANE,
    /**
     * The quadrupolar arrangement of Bulatov and Cai (Computer Simulations of Dislocations, 2006):
     * the partners of a dipole at (x, y) and (x + Lx/2, y -/+ Ly/2), so every core is an inversion centre of
     * the periodic array (no elastic force on it) and its four nearest opposite-sign neighbours sit at about
     * 45 degrees to the glide plane, where the edge-edge glide force ~ x (x^2 - y^2) / r^4 (Hirth and Lothe,
     * ch. 5) pushes opposite cores back (stable). The cut runs along the glide plane of the +b core and
     * then normal to it down (or up) to the -b core; across that climb segment the edge component overlaps
     * the material, so a strip of sites of width |b_x| is removed. The quadrupole is two such dipoles side by
     * side along x. Used by w-mixed.
     */
    DIAGONAL
}
