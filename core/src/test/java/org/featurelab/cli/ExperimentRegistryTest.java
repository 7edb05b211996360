package org.featurelab.cli;

import org.featurelab.experiment.catalog.Experiments;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered experiment (the order of {@code experiment all}) has its own subcommand, and vice versa. */
class ExperimentRegistryTest {
    @Test
    void registryAndSubcommandsAgree() {
        List<String> names = Experiments.all().stream().map(Experiments.Entry::name).toList();
        assertEquals(List.of("grokking", "sparse-parity", "fact-validation", "deep-linear", "counterexample", "centered-nfa",
                "mean-field", "mean-field-phase"),
                names);
        for (String name : names) {
            CliRunner.Result r = CliRunner.ok("experiment", name, "--help");
            assertTrue(r.out().contains("Usage: featurelab experiment " + name) && r.out().contains("--quick"), r.out());
        }
        String all = CliRunner.ok("experiment", "--help").out();
        for (String name : names) {
            assertTrue(all.contains(name), all);
        }
        assertTrue(CliRunner.ok("experiment", "all", "--help").out().contains("--quick"));
    }
}
