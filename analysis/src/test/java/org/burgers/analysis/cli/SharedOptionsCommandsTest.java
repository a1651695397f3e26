package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The option groups the commands share (mixins) keep each command's own defaults and wording, which come from
 * the command's resource bundle: a misspelt key would silently fall back to the shared text or default.
 */
class SharedOptionsCommandsTest {

    private static CommandSpec parsed(String... args) {
        return new CommandLine(new BurgersCommand()).parseArgs(args).subcommand().commandSpec();
    }

    private static String description(CommandSpec spec, String option) {
        return String.join(" ", spec.findOption(option).description());
    }

    @Test
    void relaxAndCompareKeepTheirOwnRelaxationDefaults() {
        CommandSpec relax = parsed("relax", "--potential", "builtin:W", "--structure", "in.xyz", "--fmax", "1e-3",
                "--out", "out.xyz");
        assertEquals("lbfgs", relax.findOption("--method").getValue());
        assertEquals(10000, (int) relax.findOption("--max-steps").getValue());
        assertEquals("lbfgs, fire or precon-lbfgs (default lbfgs)", description(relax, "--method"));
        CommandSpec compare = parsed("compare", "--reference", "builtin:W", "--model", "builtin:W", "--system",
                "w-screw", "--size", "6");
        assertEquals("precon-lbfgs", compare.findOption("--method").getValue());
        assertEquals(5000, (int) compare.findOption("--max-steps").getValue());
        assertEquals("lbfgs, fire or precon-lbfgs", description(compare, "--method"));
    }

    @Test
    void bundlesWordTheSharedOptionsPerCommand() {
        CommandSpec elastic = parsed("elastic", "--potential", "builtin:W", "--lattice", "bcc", "--species", "W");
        assertEquals("one element per sublattice, comma-separated (b2: corner,centre e.g. Ni,Al)",
                description(elastic, "--species"));
        CommandSpec crystal = parsed("crystal", "--lattice", "bcc", "--species", "W", "--a0", "3", "--out", "x.xyz");
        assertEquals("one element per sublattice (b2: Ni,Al)", description(crystal, "--species"));
        CommandSpec eval = parsed("eval", "--potential", "builtin:W", "--structure", "in.xyz");
        assertEquals("potential specification: builtin:W|NiAl|Si, eam:PATH, eam/alloy:PATH, eam/fs:PATH, "
                + "tersoff/mod/c:PATH, sw:PATH, lj:eps,sigma,rcut, morse:D,alpha,r0,rcut", description(eval, "--potential"));
        CommandSpec fit = parsed("fit", "--out", "dir");
        String[][] fitTexts = {{"--species", "basis species, comma separated"}, {"--order", "ACE correlation order"},
            {"--degree", "ACE total degree"}, {"--rcut", "cutoff (A)"}, {"--r0", "Agnesi scale (A)"},
            {"--pair-degree", "degree of the pair basis (default: --degree, as ACEpotentials.jl); the W EAM needs "
                    + "about 80, see docs/ace-accuracy.md"}};
        for (String[] t : fitTexts) {
            assertEquals(t[1], description(fit, t[0]), t[0]);
        }
        CommandSpec basis = new CommandLine(new BurgersCommand()).parseArgs("ace", "basis", "--species", "W")
                .subcommand().subcommand().commandSpec();
        assertEquals("correlation order nu (1..6)", description(basis, "--order"));
    }
}
