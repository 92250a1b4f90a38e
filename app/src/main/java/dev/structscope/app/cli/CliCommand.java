package dev.structscope.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * What every command that prints shares: picocli injects the command's spec, through which it
 * writes to the command line's out and err (stdout and stderr, or a test's writers). Declares no
 * option, so no command's {@code --help} changes. One instance per run; the calling thread.
 */
abstract class CliCommand {
    @Spec
    CommandSpec spec;

    /** Where results go. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where warnings and progress go. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
