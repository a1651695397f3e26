package org.burgers.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code burgers ace}: the Atomic Cluster Expansion basis (counts, features). */
@Command(name = "ace", mixinStandardHelpOptions = true,
        description = "Atomic Cluster Expansion: basis sizes and features of a structure.",
        subcommands = {AceBasisCommand.class, AceFeaturesCommand.class})
final class AceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
