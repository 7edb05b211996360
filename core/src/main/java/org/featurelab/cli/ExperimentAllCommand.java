package org.featurelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.catalog.Experiments;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Blas;
import org.featurelab.report.RunOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab experiment all}: every experiment of {@link Experiments#all()} into {@code OUT/<name>/}, then
 * {@code OUT/index.html} linking each run's page with its headline numbers, with {@code OUT/summary.json} (summary:
 * {@code seconds} per finished experiment, the {@code failed} names) and {@code OUT/manifest.json} ({@link RunOutput},
 * kind {@code experiment}, name {@code all}). An experiment that fails is reported on the page and in the exit line;
 * the others still run.
 */
@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run every experiment (with the papers' defaults, or --quick) and write one index page.",
        footer = {"", "Example: featurelab experiment all --quick --out experiments/"})
final class ExperimentAllCommand implements Callable<Integer> {
    @Mixin
    ExperimentOptions options;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        options.checkOut();
        List<List<String>> rows = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        ObjectNode seconds = Json.object();
        long start = System.nanoTime();
        for (Experiments.Entry e : Experiments.all()) {
            long t0 = System.nanoTime();
            try {
                ExperimentReport report = e.runner().run(options.quick, options.seed, common.progress());
                double s = (System.nanoTime() - t0) / 1e9;
                ExperimentOptions.finish(report, options.out.resolve(e.name()), options.seed, s, List.of(), common);
                seconds.put(e.name(), s);
                String headline = Json.toPrettyString(report.summary()).replaceAll("\\s+", " ");
                rows.add(List.of(e.name(), e.description(), String.format(Locale.ROOT, "%.1f", s),
                        headline.length() > 400 ? headline.substring(0, 400) + " …" : headline));
            } catch (RuntimeException ex) {
                failed.add(e.name());
                rows.add(List.of(e.name(), e.description(), "-", "FAILED: " + ex.getMessage()));
                common.err().printf("experiment %s failed: %s%n", e.name(), ex.getMessage());
                common.err().flush();
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        ObjectNode config = Json.object();
        config.put("quick", options.quick);
        config.put("seed", options.seed);
        ArrayNode names = config.putArray("experiments");
        Experiments.all().forEach(e -> names.add(e.name()));
        RunOutput index = new RunOutput(RunOutput.Kind.EXPERIMENT, "all", Provenance.capture(options.seed,
                Provenance.NO_DATA, config, common.commandLine(), Blas.describe())).seconds(total)
                .title("featurelab experiments" + (options.quick ? " (--quick)" : ""));
        index.summary().set("seconds", seconds);
        ArrayNode failedJson = index.summary().putArray("failed");
        failed.forEach(failedJson::add);
        index.paragraph(String.format(Locale.ROOT, "%s; seed %d; total %.1f s. Each experiment's page is OUT/<name>/index.html.",
                common.commandLine(), options.seed, total));
        index.table(List.of("experiment", "what", "seconds", "summary.json (headline numbers)"), rows);
        for (Experiments.Entry e : Experiments.all()) {
            if (Files.exists(options.out.resolve(e.name()).resolve(RunOutput.INDEX))) {
                index.link(e.name() + ": " + e.description(), e.name() + "/" + RunOutput.INDEX);
            }
        }
        index.writeTo(options.out);
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " experiment(s) failed; see " + options.out.resolve(RunOutput.INDEX));
        }
        return 0;
    }
}
