package org.featurelab.cli;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Bad flag values of {@code featurelab experiment ...} commands, end to end through {@link Main#run}: exit code 2,
 * exactly one line {@code featurelab: ...} on stderr naming the flag, no stack trace, nothing on stdout, and nothing
 * written: a missing {@code --out} directory is not created, a pre-existing empty one stays empty (the convention of
 * {@link BadInputTest}: the output location gains nothing). Each case is rejected while the command line is parsed
 * or the configuration record is built, before any experiment starts; {@code --quiet} is not passed, so an
 * experiment that did start would print progress lines and fail the one-line check, and the timeout keeps a
 * regression from running a whole experiment. To cover another command, add its cases to {@link #cases()}.
 */
class ExperimentMeanFieldBadInputTest {
    @TempDir
    Path dir;

    /** A command, the bad flags, and a fragment of the expected stderr line. */
    record Case(List<String> command, List<String> flags, String message) {
        static Case of(String command, String flags, String message) {
            return new Case(List.of(command.split(" ")), List.of(flags.split(" ")), message);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " " + String.join(" ", flags);
        }
    }

    static Stream<Case> cases() {
        String mf = "experiment mean-field --quick";
        String phase = "experiment mean-field-phase --quick";
        return Stream.of(
                Case.of(mf, "--kappa 0", "--kappa must be positive and finite, got 0.0"),
                Case.of(mf, "--kappa -0.1", "--kappa must be positive and finite, got -0.1"),
                Case.of(mf, "--kappa NaN", "--kappa must be positive and finite, got NaN"),
                Case.of(mf, "--kappa 0.02,Infinity", "--kappa must be positive and finite, got Infinity"),
                Case.of(mf, "--k 5 --d 3", "--k must be in [1, d = 3], got 5"),
                Case.of(mf, "--k 9", "--k must be in [1, d = 8], got 9"),
                Case.of(mf, "--d 0", "--d must be >= 1, got 0"),
                Case.of(mf, "--p 0", "--p must be >= 1 and increasing, got [0]"),
                Case.of(mf, "--p 64,16", "--p must be >= 1 and increasing, got [64, 16]"),
                Case.of(mf, "--width 0", "--width must be >= 1, got 0"),
                Case.of(mf, "--seeds 0", "--seeds must be >= 1, got 0"),
                Case.of(mf, "--sgld-steps 0", "--sgld-steps must be >= 1, got 0"),
                Case.of(mf, "--step-size Infinity", "--step-size must be positive and finite, got Infinity"),
                Case.of(mf, "--step-size 0", "--step-size must be positive and finite, got 0.0"),
                Case.of(mf, "--particles 0", "--particles must be >= 1, got 0"),
                Case.of(mf, "--p abc", "Invalid value for option '--p' (P): 'abc' is not an int"),
                Case.of(mf, "--kappa abc", "Invalid value for option '--kappa' (κ): 'abc' is not a double"),
                Case.of(phase, "--kappa 0", "--kappa must be positive and finite, got 0.0"),
                Case.of(phase, "--kappa NaN", "--kappa must be positive and finite, got NaN"),
                Case.of(phase, "--k 11", "--k must be in [1, d = 10], got 11"),
                Case.of(phase, "--p 0", "--p must be >= 1 and increasing, got [0]"),
                Case.of(phase, "--width 0", "--width must be >= 1, got 0"),
                Case.of(phase, "--step-size Infinity", "--step-size must be positive and finite, got Infinity"),
                Case.of(phase, "--population-particles 0", "--population-particles must be >= 1, got 0"),
                Case.of("experiment mean-field-phase --paper", "--quick", "--paper and --quick exclude each other"));
    }

    private static CliRunner.Result run(Case c, Path out) {
        List<String> args = new ArrayList<>(c.command());
        args.addAll(c.flags());
        args.add("--out");
        args.add(out.toString());
        return CliRunner.run(args.toArray(new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10)
    void rejectedWithOneLineAndNoOutputDirectory(Case c) {
        Path out = dir.resolve("out");
        CliRunner.assertBadInput(run(c, out), c.message());
        assertFalse(Files.exists(out), out + " must not be created");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10)
    void rejectedWithOneLineAndAnExistingOutputDirectoryLeftEmpty(Case c) throws IOException {
        Path out = Files.createDirectory(dir.resolve("existing"));
        CliRunner.assertBadInput(run(c, out), c.message());
        assertEquals(List.of(), List.copyOf(CliRunner.listing(out)), out + " must stay empty");
    }
}
