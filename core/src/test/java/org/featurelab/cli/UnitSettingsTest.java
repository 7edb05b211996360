package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.io.Json;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resumed benchmark refuses to mix units run with other settings into its results.csv ({@link UnitSettings}). */
class UnitSettingsTest {
    static final Path UCI = TestData.uciFixture();

    @TempDir
    Path dir;

    @Test
    void uciResumeWithOtherSettingsIsBadInputButMoreModelsAndJobsAreNot() throws IOException {
        Path out = dir.resolve("uci");
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses", "--models", "laplace",
                "--out", out.toString(), "-q");
        JsonNode recorded = Json.read(out.resolve(UnitSettings.FILE));
        assertEquals(UnitSettings.FORMAT_VERSION, recorded.get("formatVersion").asInt());
        assertTrue(recorded.get("models").has("laplace"), recorded.toString());
        List<String> before = Files.readAllLines(out.resolve("results.csv"));

        CliRunner.Result mixed = CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses",
                "--models", "laplace", "--selection-folds", "4", "--out", out.toString(), "-q");
        CliRunner.assertBadInput(mixed, "results.csv holds laplace units run with other settings (selection:");
        assertEquals(before, Files.readAllLines(out.resolve("results.csv")), "nothing was run or written");

        // more datasets, another model, the trees and --jobs change no recorded model's settings
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses,trains", "--models",
                "laplace,laplace-l1,xgboost", "--jobs", "2", "--out", out.toString(), "-q");
        JsonNode models = Json.read(out.resolve(UnitSettings.FILE)).get("models");
        assertEquals(recorded.get("models").get("laplace"), models.get("laplace"));
        assertTrue(models.has("laplace-l1") && models.get("xgboost").has("trees") && !models.get("laplace").has("trees"),
                models.toString());
        assertEquals(1 + 2 * 4 * 3, Files.readAllLines(out.resolve("results.csv")).size());
    }

    @Test
    void csvResumeWithAnotherLearnerSettingIsBadInput() throws IOException {
        Path data = dir.resolve("iris.csv");
        Files.copy(TestData.small("iris"), data);
        Path manifest = dir.resolve("manifest.tsv");
        Files.writeString(manifest, "file\ttarget\ttask\tdrop\niris.csv\tspecies\tclassification\t\n");
        Path out = dir.resolve("csv");
        CliRunner.ok("benchmark", "csv", "--manifest", manifest.toString(), "--quick", "--folds", "2", "--models",
                "laplace", "--out", out.toString(), "-q");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(), "--quick",
                "--folds", "2", "--models", "laplace", "--no-intercept", "--out", out.toString(), "-q"),
                "results.csv holds laplace units run with other settings (learner:");
        // the same settings resume; a first-time model is recorded beside it
        CliRunner.ok("benchmark", "csv", "--manifest", manifest.toString(), "--quick", "--folds", "2", "--models",
                "laplace,nfa-rfm", "--out", out.toString(), "-q");
        assertTrue(Json.read(out.resolve(UnitSettings.FILE)).get("models").has("nfa-rfm"));
    }

    @Test
    void aDirectoryFromBeforeTheFileIsRecordedAndAnUnreadableFileIsBadInput() throws IOException {
        Path out = dir.resolve("old");
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses", "--models", "laplace",
                "--out", out.toString(), "-q");
        Files.delete(out.resolve(UnitSettings.FILE));
        CliRunner.ok("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses", "--models", "laplace",
                "--selection-folds", "4", "--out", out.toString(), "-q");
        assertTrue(Files.exists(out.resolve(UnitSettings.FILE)), "recorded with the settings of the resuming run");
        Files.writeString(out.resolve(UnitSettings.FILE), "{\"formatVersion\": 7, \"models\": {}}");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", UCI.toString(), "--datasets", "lenses",
                "--models", "laplace", "--out", out.toString(), "-q"), "not a unit-settings file");
        assertFalse(Files.exists(dir.resolve("elsewhere")));
    }
}
