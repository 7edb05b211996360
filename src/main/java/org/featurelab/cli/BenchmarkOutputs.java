package org.featurelab.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.featurelab.benchmark.BenchmarkRunner;
import org.featurelab.benchmark.BenchmarkSummary;
import org.featurelab.benchmark.UnitResult;
import org.featurelab.io.AtomicFiles;
import org.featurelab.linalg.Blas;
import org.featurelab.report.BenchmarkReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The outputs {@code benchmark uci} and {@code benchmark csv} share: progress lines, failures.csv, report.html. */
final class BenchmarkOutputs {
    private BenchmarkOutputs() {
    }

    /**
     * One stderr line per unit, {@code [done/total] elapsed h:mm:ss, ETA h:mm:ss | dataset fold k model: <score> 0.9733
     * (1.2 s)} or {@code ... : FAILED: message}; nothing with {@code --quiet}.
     */
    static BenchmarkRunner.Listener progress(CommonOptions common, String scoreName) {
        if (common.quiet) {
            return BenchmarkRunner.Listener.NONE;
        }
        PrintWriter err = common.err();
        return p -> {
            String what = p.result() != null
                    ? scoreName + " " + TextTable.fixed(p.result().testScore(), 4)
                    + String.format(Locale.ROOT, " (%.1f s)", p.result().seconds())
                    : "FAILED: " + p.failure().message();
            err.printf(Locale.ROOT, "[%d/%d] elapsed %s, ETA %s | %s fold %d %s: %s%n", p.done(), p.total(),
                    BenchmarkSummary.duration(p.elapsedSeconds()), BenchmarkSummary.duration(p.etaSeconds()),
                    p.unit().dataset(), p.unit().fold(), p.unit().model(), what);
            err.flush();
        };
    }

    /** failures.csv ({@code dataset, fold, model, message}), written atomically; header only when none failed. */
    static void writeFailures(Path file, List<BenchmarkRunner.Failure> failures) {
        AtomicFiles.write(file, temp -> {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
                csv.printRecord("dataset", "fold", "model", "message");
                for (BenchmarkRunner.Failure f : failures) {
                    csv.printRecord(f.dataset(), f.fold(), f.model(), f.message());
                }
            }
        });
    }

    /**
     * report.html ({@link BenchmarkReport}) over the finished units; notes: the command line and the machine.
     *
     * @param models the models in plan order (the first is the reference of the scatter plots)
     */
    static void writeReport(Path file, String title, String scoreLabel, List<String> models, List<UnitResult> results,
                            String commandLine) throws IOException {
        List<BenchmarkReport.Row> rows = results.stream()
                .map(r -> new BenchmarkReport.Row(r.dataset(), r.fold(), r.model(), r.testScore(), r.seconds())).toList();
        BenchmarkReport.write(file, new BenchmarkReport.Spec(title, scoreLabel, models), rows,
                List.of("Command: " + commandLine, "Machine: " + Blas.describe() + ", Java "
                        + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    }
}
