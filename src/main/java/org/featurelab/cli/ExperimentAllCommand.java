package org.featurelab.cli;

import org.featurelab.io.Json;
import org.featurelab.report.HtmlReport;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.experiment.catalog.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code featurelab experiment all}: every experiment of {@link Experiments#all()} into {@code OUT/<name>/}, then
 * {@code OUT/index.html} linking each run's page with its headline numbers. An experiment that fails is reported on
 * the page and in the exit line; the others still run.
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
    public Integer call() throws IOException {
        options.checkOut();
        List<List<String>> rows = new ArrayList<>();
        int failed = 0;
        long start = System.nanoTime();
        for (Experiments.Entry e : Experiments.all()) {
            long t0 = System.nanoTime();
            try {
                ExperimentReport report = e.runner().run(options.quick, options.seed, common.progress());
                double seconds = (System.nanoTime() - t0) / 1e9;
                ExperimentOptions.finish(report, options.out.resolve(e.name()), seconds, common);
                String headline = Json.toPrettyString(report.summary()).replaceAll("\\s+", " ");
                rows.add(List.of(e.name(), e.description(), String.format(Locale.ROOT, "%.1f", seconds),
                        headline.length() > 400 ? headline.substring(0, 400) + " …" : headline));
            } catch (RuntimeException ex) {
                failed++;
                rows.add(List.of(e.name(), e.description(), "-", "FAILED: " + ex.getMessage()));
                common.err().printf("experiment %s failed: %s%n", e.name(), ex.getMessage());
                common.err().flush();
            }
        }
        HtmlReport index = new HtmlReport().title("featurelab experiments" + (options.quick ? " (--quick)" : ""));
        index.paragraph(String.format(Locale.ROOT, "%s; seed %d; total %.1f s. Each experiment's page is OUT/<name>/index.html.",
                common.commandLine(), options.seed, (System.nanoTime() - start) / 1e9));
        index.table(List.of("experiment", "what", "seconds", "summary.json (headline numbers)"), rows);
        for (Experiments.Entry e : Experiments.all()) {
            if (java.nio.file.Files.exists(options.out.resolve(e.name()).resolve("index.html"))) {
                index.link(e.name() + ": " + e.description(), e.name() + "/index.html");
            }
        }
        index.writeTo(options.out.resolve("index.html"));
        if (failed > 0) {
            throw new IllegalStateException(failed + " experiment(s) failed; see " + options.out.resolve("index.html"));
        }
        return 0;
    }
}
