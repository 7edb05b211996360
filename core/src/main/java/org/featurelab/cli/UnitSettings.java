package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.benchmark.UnitResult;
import org.featurelab.io.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings a benchmark's units were run with, per model, kept beside results.csv in {@value #FILE} so that a
 * resumed run cannot mix units of other settings into one table: resuming a model whose rows results.csv already holds
 * with settings that differ from the recorded ones is bad input (exit 2, before anything runs). A model's settings
 * are what decides its units (the protocol's options and, for {@code benchmark csv}, its learner's), not the datasets,
 * the other models or {@code --jobs}, so a run may add datasets and models to an existing directory.
 *
 * <p>File: {@code {"formatVersion": 1, "models": {NAME: SETTINGS, ...}}}, rewritten atomically with the plan's models
 * added. A directory from before the file existed has its results' models recorded with the settings of the first
 * run that resumes it (nothing to compare them with).
 */
final class UnitSettings {
    static final String FILE = "unit-settings.json";
    static final int FORMAT_VERSION = 1;

    private UnitSettings() {
    }

    /**
     * Checks the plan's models against {@code OUT/}{@value #FILE} and records them.
     *
     * @param settings each plan model's settings
     * @param existing the rows already in results.csv
     * @throws IllegalArgumentException when a model with rows in results.csv was recorded with other settings
     */
    static void checkAndRecord(Path out, Map<String, ? extends JsonNode> settings, List<UnitResult> existing) {
        Path file = out.resolve(FILE);
        ObjectNode recorded = Json.object();
        if (Files.exists(file)) {
            JsonNode root = Json.read(file);
            if (root.path("formatVersion").asInt(-1) != FORMAT_VERSION || !root.path("models").isObject()) {
                throw new IllegalArgumentException(file + ": not a unit-settings file of format version " + FORMAT_VERSION);
            }
            recorded = (ObjectNode) root.get("models");
        }
        Set<String> withRows = new TreeSet<>();
        existing.forEach(r -> withRows.add(r.model()));
        Map<String, JsonNode> now = new java.util.LinkedHashMap<>();
        // as the file will hold them (JSON numbers read back as the narrowest type), so that equal settings compare equal
        settings.forEach((name, node) -> now.put(name, Json.parse(Json.toBytes(node), FILE)));
        for (Map.Entry<String, JsonNode> e : now.entrySet()) {
            JsonNode before = recorded.get(e.getKey());
            if (before != null && withRows.contains(e.getKey()) && !before.equals(e.getValue())) {
                throw new IllegalArgumentException("--out " + out + ": results.csv holds " + e.getKey()
                        + " units run with other settings (" + firstDifference(before, e.getValue())
                        + "); use another --out, or remove " + FILE + " there to mix them deliberately");
            }
        }
        ObjectNode models = recorded.deepCopy();
        now.forEach((name, node) -> {
            if (!withRows.contains(name) || !models.has(name)) {
                models.set(name, node);
            }
        });
        ObjectNode root = Json.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.set("models", models);
        Json.writeAtomically(file, root);
    }

    /** The first top-level field whose value differs, as {@code field: recorded → now}. */
    static String firstDifference(JsonNode recorded, JsonNode now) {
        Set<String> fields = new TreeSet<>();
        recorded.fieldNames().forEachRemaining(fields::add);
        now.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            JsonNode a = recorded.get(f);
            JsonNode b = now.get(f);
            if (a == null ? b != null : !a.equals(b)) {
                return f + ": " + (a == null ? "absent" : a.toString()) + " recorded, " + (b == null ? "absent" : b.toString())
                        + " now";
            }
        }
        return recorded.toString() + " recorded, " + now + " now";
    }
}
