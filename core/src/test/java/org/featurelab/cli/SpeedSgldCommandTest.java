package org.featurelab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedSgldCommandTest {
    @Test
    void tinySgldBenchReportsStepsPerSecondInBothPrecisions() {
        for (String precision : new String[] {"mixed", "float64"}) {
            CliRunner.Result r = CliRunner.ok("speed", "sgld", "--width", "8", "--dimension", "5", "--samples", "16",
                    "--steps", "5", "--warmup", "2", "--precision", precision, "-q");
            for (String expected : new String[] {"steps/s", "ms per step", "GFLOP/s", "flops per step   3072",
                    "precision=" + precision, precision.equals("mixed") ? "reference sgemm" : "reference dgemm", "BLAS",
                    "threads"}) {
                assertTrue(r.out().contains(expected), "'" + expected + "' in:\n" + r.out());
            }
            assertTrue(r.err().isEmpty(), r.err());
        }
    }

    @Test
    void badValuesAreBadInput() {
        CliRunner.assertBadInput(CliRunner.run("speed", "sgld", "--precision", "float32"), "precision");
        CliRunner.assertBadInput(CliRunner.run("speed", "sgld", "--width", "0"), "--width");
        CliRunner.assertBadInput(CliRunner.run("speed", "sgld", "--samples", "0"), "--samples");
        CliRunner.assertBadInput(CliRunner.run("speed", "sgld", "--steps", "0"), "--steps");
    }
}
