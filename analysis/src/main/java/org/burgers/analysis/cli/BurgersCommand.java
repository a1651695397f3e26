package org.burgers.analysis.cli;

import java.io.PrintWriter;
import org.burgers.core.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line program {@code ./burgers}: one subcommand per stage of the pipeline. */
@Command(name = "burgers", mixinStandardHelpOptions = true, version = "burgers 0.1.0",
        description = "Machine-learned interatomic potentials and their generalisation to dislocations.",
        subcommands = {
            NeighboursCommand.class,
            EvalCommand.class,
            CrystalCommand.class,
            RelaxCommand.class,
            ElasticCommand.class,
            RattleCommand.class,
            AceCommand.class,
            FitCommand.class,
            DislocationCommand.class,
            VitekCommand.class,
            StudyCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            SplitCommand.class,
            CommandLine.HelpCommand.class
        })
public final class BurgersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Exit codes: 0 success, 1 internal or numerical failure, 2 bad input (with a message on stderr). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new BurgersCommand());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof InputException) {
                err.println("burgers: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof ArithmeticException) {
                // thrown on purpose where a number stops being finite or a decomposition fails (a potential's
                // energy, a relaxation's forces, a solver's coefficients): the message says which, a stack
                // trace would not help the user
                err.println("burgers: numerical failure: " + ex.getMessage());
                return 1;
            }
            err.println("burgers: internal error: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args2) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("burgers: " + ex.getMessage());
            c.usage(c.getErr());
            return 2;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
