package org.featurelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.featurelab.benchmark.BenchmarkSummary;
import org.featurelab.benchmark.UciModel;
import org.featurelab.benchmark.UciProtocol;
import org.featurelab.io.Json;
import org.featurelab.tabular.ModelKind;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command reads model names through the one registry, {@link ModelKind}: each id and alias given to
 * {@code fit --model}, {@code benchmark uci --models} and {@code benchmark csv --models} yields its entry, and the
 * outputs (results.csv, summary.md, manifest.json) name it by its id.
 */
class ModelRegistryTest {
    @TempDir
    Path dir;

    /** (name as typed, registry entry): every id and alias, as written and in upper case. */
    static Stream<Arguments> names() {
        return Arrays.stream(ModelKind.values())
                .flatMap(k -> Stream.concat(Stream.of(k.id()), k.aliases().stream())
                        .flatMap(n -> Stream.of(n, n.toUpperCase(Locale.ROOT)))
                        .map(n -> Arguments.of(n, k)));
    }

    /** The command object picocli fills from {@code args} (the innermost subcommand). */
    private static <T> T parsed(Class<T> type, String... args) {
        CommandLine.ParseResult r = Main.commandLine().parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return type.cast(r.commandSpec().userObject());
    }

    @ParameterizedTest
    @MethodSource("names")
    void fitModel(String name, ModelKind kind) {
        FitCommand fit = parsed(FitCommand.class, "fit", "--data", "d.csv", "--target", "y", "--out", "m.flm",
                "--model", name);
        assertEquals(kind, fit.config().model());
        assertEquals(kind.defaultIterations(), fit.config().iterations());
    }

    @ParameterizedTest
    @MethodSource("names")
    void benchmarkUciModels(String name, ModelKind kind) {
        BenchmarkUciCommand uci = parsed(BenchmarkUciCommand.class, "benchmark", "uci", "--data", "D", "--out", "O",
                "--models", name);
        List<UciModel> plan = BenchmarkUciCommand.parseModels(uci.models);
        // an ensemble of the registry is the benchmark's ensemble of the same name: its members joined by '+'
        assertEquals(List.of(kind.isEnsemble() ? UciModel.parse(kind.id()) : new UciModel(kind)), plan);
        assertEquals(kind.id(), plan.get(0).name());
        assertEquals(kind.members().size(), kind.isEnsemble() ? 1 + plan.get(0).partners().size() : 0);
        assertEquals(kind.learnsFeatures() ? UciProtocol.RFM_ITERATIONS : 0, plan.get(0).iterations());
    }

    @ParameterizedTest
    @MethodSource("names")
    void benchmarkCsvModels(String name, ModelKind kind) {
        BenchmarkCsvCommand csv = parsed(BenchmarkCsvCommand.class, "benchmark", "csv", "--manifest", "m.tsv",
                "--out", "O", "--models", name);
        assertEquals(List.of(kind), BenchmarkOutputs.parseModels(csv.models));
    }

    @Test
    void defaultsHelpAndThePapersNumbersNameEveryModelOfTheRegistry() {
        // the benchmarks default to the papers' four kernel machines; the trees are asked for by name
        assertEquals(List.of("laplace", "nfa-rfm", "fact-rfm", "fact-rfm-gm"),
                BenchmarkOutputs.parseModels(BenchmarkOutputs.DEFAULT_MODELS).stream().map(ModelKind::id).toList());
        assertEquals(Set.copyOf(BenchmarkOutputs.DEFAULT_MODELS), BenchmarkSummary.PAPERS.keySet());
        for (String[] help : List.of(new String[]{"fit", "--help"}, new String[]{"benchmark", "uci", "--help"},
                new String[]{"benchmark", "csv", "--help"})) {
            String out = CliRunner.ok(help).out();
            for (String id : ModelKind.ids()) {
                assertTrue(out.contains(id), String.join(" ", help) + " does not name " + id + ":\n" + out);
            }
        }
    }

    @Test
    void anIdAndItsAliasAreTheSameModel() throws IOException {
        Path manifest = irisManifest();
        Path out = dir.resolve("out");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "uci", "--data", TestData.uciFixture().toString(),
                "--models", "fact-rfm-gm,fact-gm-rfm", "--out", out.toString()), "--models lists fact-rfm-gm twice");
        CliRunner.assertBadInput(CliRunner.run("benchmark", "csv", "--manifest", manifest.toString(),
                "--models", "fact-gm-rfm,FACT-RFM-GM", "--out", out.toString()), "--models lists fact-rfm-gm twice");
        assertFalse(Files.exists(out));
    }

    /** benchmark uci --models fact-gm-rfm writes fact-rfm-gm, and the summary puts the papers' 84.99 beside it. */
    @Test
    void uciWritesTheIdOfAnAlias() throws IOException {
        Path out = dir.resolve("uci");
        CliRunner.ok("benchmark", "uci", "--data", TestData.uciFixture().toString(), "--datasets", "lenses",
                "--models", "fact-gm-rfm", "--out", out.toString(), "-q");
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 4, results.size());
        assertTrue(results.stream().skip(1).allMatch(l -> l.startsWith("lenses,") && l.split(",")[2].equals("fact-rfm-gm")),
                results::toString);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("| fact-rfm-gm |") && l.endsWith("| 84.99 |")), summary);
        assertFalse(summary.contains("fact-gm-rfm"), summary);
        JsonNode config = Json.read(out.resolve("manifest.json")).get("provenance").get("configuration");
        assertEquals("[\"fact-rfm-gm\"]", config.get("models").toString());
        assertEquals(config, Json.read(out.resolve("summary.json")).get("config"));
    }

    /** benchmark csv --models Fact-GM-RFM writes fact-rfm-gm in results.csv, summary.md and manifest.json. */
    @Test
    void csvWritesTheIdOfAnAlias() throws IOException {
        Path out = dir.resolve("csv");
        CliRunner.ok("benchmark", "csv", "--manifest", irisManifest().toString(), "--quick", "--folds", "2",
                "--models", "Fact-GM-RFM", "--out", out.toString(), "-q");
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 2, results.size());
        assertTrue(results.stream().skip(1).allMatch(l -> l.split(",")[2].equals("fact-rfm-gm")), results::toString);
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("| fact-rfm-gm |") && !summary.toLowerCase(Locale.ROOT).contains("fact-gm-rfm"), summary);
        JsonNode config = Json.read(out.resolve("manifest.json")).get("provenance").get("configuration");
        assertEquals("[\"fact-rfm-gm\"]", config.get("models").toString());
        assertTrue(config.get("protocol").get("learner").has("fact-rfm-gm"), config.toString());
    }

    private Path irisManifest() throws IOException {
        Path m = dir.resolve("manifest.tsv");
        Files.writeString(m, "file\ttarget\ttask\tdrop\n" + TestData.small("iris").toAbsolutePath() + "\tspecies\tclassification\t\n");
        return m;
    }
}
