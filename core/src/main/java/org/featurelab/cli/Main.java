package org.featurelab.cli;

import org.featurelab.io.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code featurelab} command: parses the command line with picocli, runs one subcommand and turns every
 * failure into one line on stderr and an exit code ({@link Errors}): 0 success, 2 bad input or usage, 1 an
 * unexpected failure.
 */
@Command(name = "featurelab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Feature-learning kernel machines (RFM) for tabular data.",
        subcommands = {FitCommand.class, PredictCommand.class, EvalCommand.class, InspectCommand.class, TrainCommand.class,
                DiagnoseCommand.class,
                SpeedCommand.class, BenchmarkCommand.class, ExperimentCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    /** Environment variable that, set to 1, prints stack traces of failures. */
    public static final String DEBUG_ENV = "FEATURELAB_DEBUG";

    @Spec
    private CommandSpec spec;

    private Main() {
    }

    /** {@code featurelab} without a subcommand: the usage on stderr, exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Errors.BAD_INPUT;
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("fit") || args[0].equals("predict"))) {
            // the SIMD maps' warm-up, started before the command line is parsed (about 0.3 s of picocli's model here):
            // the first Gram pass otherwise meets them still in the Vector API's slow fallback (docs/performance.md)
            org.featurelab.kernel.KernelMaps.warmUpInBackground();
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line in-process, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /** {@link #run(String[], PrintStream, PrintStream)} with an explicit environment (for tests). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        boolean debug = Arrays.asList(args).contains("--debug") || "1".equals(env.get(DEBUG_ENV));
        Errors errors = new Errors(errWriter, debug);
        try {
            CommandLine cli = commandLine();
            cli.setOut(outWriter);
            cli.setErr(errWriter);
            cli.setParameterExceptionHandler(errors::handleUsage);
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> errors.handle(e));
            return cli.execute(args);
        } catch (Throwable t) { // NOPMD: the last line of defence; OutOfMemoryError included
            return errors.handle(t);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The command hierarchy, with the shared settings. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(Main.class);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(false);
        return cli;
    }

    /** {@code --version}: the jar's Implementation-Version, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"featurelab " + Provenance.currentLibraryVersion(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
        }
    }
}
