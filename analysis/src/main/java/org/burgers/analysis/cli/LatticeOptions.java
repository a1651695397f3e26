package org.burgers.analysis.cli;

import org.burgers.simulation.lattice.Crystal;
import picocli.CommandLine.Option;

/**
 * {@code --lattice} and {@code --species} of the commands that build a crystal (crystal, elastic); the key
 * {@code species} of a command's resource bundle may word the species description for that command.
 */
final class LatticeOptions {
    @Option(names = "--lattice", required = true, description = "bcc, fcc, diamond or b2")
    String lattice;

    @Option(names = "--species", required = true, descriptionKey = "species",
            description = "one element per sublattice (b2: Ni,Al)")
    String species;

    Crystal crystal(double a0) {
        return Crystal.of(lattice, a0, species);
    }
}
