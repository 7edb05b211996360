package org.featurelab.cli;

import org.featurelab.base.Progress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Options every command shares ({@code --quiet}, {@code --debug}) and access to the command's streams.
 * Mixed into each command with {@code @Mixin}.
 */
final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress lines on stderr (errors still print).")
    boolean quiet;

    @Option(names = "--debug", description = "Print the stack trace of a failure (also: FEATURELAB_DEBUG=1).")
    boolean debug;

    /** The command's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's standard error. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Progress lines on stderr, or nothing with {@code --quiet}. */
    Progress progress() {
        if (quiet) {
            return Progress.NONE;
        }
        PrintWriter err = err();
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** The command line as typed, for provenance: {@code featurelab fit --data 'my file.csv' ...}. */
    String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        return "featurelab " + args.stream().map(CommonOptions::quote).collect(Collectors.joining(" "));
    }

    /** Quotes an argument the way a POSIX shell would need it. */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
