package org.featurelab.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeedTreeCommandTest {
    /** 800 rows, leaves of ≤ 200: four leaves at depth 2; the exact model is one leaf; both learn the linear rule. */
    @Test
    void treeAndExactRowsWithLeavesDepthAndAccuracy() {
        CliRunner.Result r = CliRunner.ok("speed", "tree", "--n", "800", "--d", "6", "--classes", "3", "--iters", "1",
                "--max-leaf-size", "200", "--exact", "--test-rows", "300");
        Matcher tree = Pattern.compile("tree\\s+([0-9.]+)\\s+4\\s+2\\s+([0-9.]+)").matcher(r.out());
        Matcher exact = Pattern.compile("exact\\s+([0-9.]+)\\s+1\\s+0\\s+([0-9.]+)").matcher(r.out());
        assertTrue(tree.find(), r.out());
        assertTrue(exact.find(), r.out());
        double treeAccuracy = Double.parseDouble(tree.group(2));
        double exactAccuracy = Double.parseDouble(exact.group(2));
        assertTrue(exactAccuracy > 0.6 && treeAccuracy > 0.6, r.out()); // chance is 1/3
        assertTrue(r.err().contains("leaf 4/4 (200 rows, iteration "), r.err());
    }

    @Test
    void aLeafSizeTooSmallIsBadInput() {
        CliRunner.Result r = CliRunner.run("speed", "tree", "--n", "100", "--d", "3", "--classes", "3",
                "--max-leaf-size", "5", "-q");
        CliRunner.assertBadInput(r, "partition: max leaf size must be ≥ 20, got 5");
        assertEquals(2, r.code());
    }
}
