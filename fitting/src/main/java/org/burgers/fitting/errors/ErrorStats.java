package org.burgers.fitting.errors;

/**
 * Errors of a model against reference labels over a set of configurations. Energies in meV/atom (error of
 * E/N), forces in meV/A (per component), virials in meV/atom (error of W/N per independent component
 * xx yy zz yz xz xy). A field is null when no configuration had that label.
 */
public record ErrorStats(int configurations, Double energyRmse, Double energyMae, Double forceRmse, Double forceMae,
        Double virialRmse, Double virialMae) {
}
