package org.featurelab.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage errors, --help and --version. */
class UsageTest {
    @Test
    void unknownOptionIsOneLineWithASuggestionAndAPointerToHelp() {
        CliRunner.Result r = CliRunner.run("fit", "--data", "x.csv", "--trget", "y", "--out", "m.flm");
        CliRunner.assertBadInput(r, "Unknown option");
        assertTrue(r.err().contains("try 'featurelab fit --help'"), r.err());
        assertTrue(r.err().contains("--target"), "suggestion: " + r.err());
    }

    @Test
    void missingRequiredOption() {
        CliRunner.Result r = CliRunner.run("fit", "--data", "x.csv", "--out", "m.flm");
        CliRunner.assertBadInput(r, "Missing required option: '--target=COL'");
    }

    @Test
    void unknownCommand() {
        CliRunner.assertBadInput(CliRunner.run("serve", "--data", "x.csv"), "unknown command 'serve'");
        CliRunner.Result typo = CliRunner.run("fti", "--data", "x.csv");
        CliRunner.assertBadInput(typo, "unknown command 'fti' (did you mean fit?)");
        CliRunner.assertBadInput(CliRunner.run("speed", "gpu"), "unknown command 'gpu'");
        assertTrue(CliRunner.run("speed", "gpu").err().contains("try 'featurelab speed --help'"));
    }

    @Test
    void helpEverywhere() {
        assertTrue(CliRunner.ok("--help").out().contains("Usage: featurelab"));
        for (String command : new String[] {"fit", "predict", "eval", "inspect", "speed", "demo"}) {
            String out = CliRunner.ok(command, "--help").out();
            assertTrue(out.contains("Usage: featurelab " + command), out);
        }
        String rfm = CliRunner.ok("speed", "rfm", "--help").out();
        assertTrue(rfm.contains("Usage: featurelab speed rfm") && rfm.contains("--classes=C"), rfm);
        assertTrue(CliRunner.ok("help", "fit").out().contains("--target=COL"));
    }

    @Test
    void version() {
        String out = CliRunner.ok("--version").out();
        assertTrue(out.startsWith("featurelab "), out);
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        CliRunner.Result r = CliRunner.run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Usage: featurelab"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void debugPrintsTheStackTraceAfterTheLine() {
        CliRunner.Result r = CliRunner.run(Map.of(Main.DEBUG_ENV, "1"), "eval", "--model", "absent.flm", "--data", "x.csv");
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).startsWith("featurelab: no such model file"), r.err());
        assertTrue(r.err().contains("\tat "), r.err());
        CliRunner.Result flag = CliRunner.run("eval", "--model", "absent.flm", "--data", "x.csv", "--debug");
        assertTrue(flag.err().contains("\tat "), flag.err());
    }
}
