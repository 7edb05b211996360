package org.featurelab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedMlpCommandTest {
    @Test
    void tinyMlpBenchReportsStepTimesInBothPrecisions() {
        for (String precision : new String[] {"float32", "float64"}) {
            CliRunner.Result r = CliRunner.ok("speed", "mlp", "--arch", "20-16-3", "--batch", "8", "--steps", "5",
                    "--warmup", "2", "--precision", precision, "-q");
            for (String expected : new String[] {"ms per step", "GFLOP/s", "flops per step", "precision=" + precision,
                    precision.equals("float32") ? "reference sgemm" : "reference dgemm", "BLAS", "threads"}) {
                assertTrue(r.out().contains(expected), "'" + expected + "' in:\n" + r.out());
            }
            assertTrue(r.err().isEmpty(), r.err());
        }
    }

    @Test
    void badValuesAreBadInput() {
        CliRunner.assertBadInput(CliRunner.run("speed", "mlp", "--arch", "20-16-3", "--precision", "half"), "precision");
        CliRunner.assertBadInput(CliRunner.run("speed", "mlp", "--arch", "20-16-3", "--batch", "0"), "batch");
        CliRunner.assertBadInput(CliRunner.run("speed", "mlp", "--arch", "20-16-3", "--steps", "0"), "steps");
    }
}
