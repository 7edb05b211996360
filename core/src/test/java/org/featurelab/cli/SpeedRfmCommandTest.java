package org.featurelab.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedRfmCommandTest {
    @Test
    void tinyRfmBenchPrintsThePhaseTable() {
        CliRunner.Result r = CliRunner.ok("speed", "rfm", "--n", "200", "--d", "10", "--classes", "3", "--iters", "1",
                "--test-rows", "50");
        String out = r.out();
        for (String expected : new String[] {"GFLOP/s", "share of reference GEMM", "kernel", "solve", "update", "whole fit",
                "test accuracy", "reference dgemm", "reference sgemm", "BLAS", "threads"}) {
            assertTrue(out.contains(expected), "'" + expected + "' in:\n" + out);
        }
        assertTrue(r.err().contains("iteration 0:") && r.err().contains("iteration 1:"), r.err());
    }

    @Test
    void badSizesAreBadInput() {
        CliRunner.assertBadInput(CliRunner.run("speed", "rfm", "--n", "1", "--d", "10", "--classes", "3", "--iters", "1", "-q"),
                "need n >= 2");
        CliRunner.Result missing = CliRunner.run("speed", "rfm", "--n", "100");
        CliRunner.assertBadInput(missing, "Missing required options");
        assertEquals(2, missing.code());
    }
}
