package org.featurelab.architecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package graph of featurelab, the single source of truth that {@link LayeringTest} checks and
 * docs/architecture.md draws: for every package (relative to {@code org.featurelab}), the packages its classes may
 * use besides its own. Everything above may use {@code base}. A package not listed here fails the test, so a new
 * package must take its place in the graph.
 */
final class Layers {
    static final String ROOT = "org.featurelab";

    /** Allowed direct dependencies, lowest layer first. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    private static final List<String> EXPERIMENTS = List.of("experiment.grokking", "experiment.fact",
            "experiment.deeplinear", "experiment.alignment", "experiment.meanfield");

    static {
        allow("base");
        allow("linalg", "base");
        allow("scoring", "base", "linalg");
        allow("kernel", "base", "linalg");
        allow("nn", "base", "linalg");
        allow("io", "base", "linalg");
        allow("table", "base", "linalg");
        allow("rfm", "base", "linalg", "kernel", "scoring");
        allow("diagnostics", "base", "linalg", "nn");
        allow("encoding", "base", "linalg", "table");
        allow("boosting", "base", "linalg", "scoring", "rfm");
        allow("partition", "base", "linalg", "kernel", "scoring", "rfm");
        allow("meanfield", "base", "linalg", "scoring");
        allow("training", "base", "linalg", "nn", "diagnostics", "io");
        allow("tabular", "base", "linalg", "scoring", "kernel", "rfm", "partition", "boosting", "table", "encoding", "io");
        allow("report", "base", "linalg", "io", "training");
        allow("benchmark", "base", "linalg", "scoring", "kernel", "rfm", "boosting", "table", "encoding", "io", "tabular",
                "report");
        allow("speed", "base", "linalg", "scoring", "kernel", "rfm", "partition", "nn", "meanfield");
        String[] experimentBase = {"base", "linalg", "scoring", "kernel", "rfm", "nn", "diagnostics", "meanfield", "io",
                "table", "encoding", "training", "tabular", "report"};
        allow("experiment", experimentBase);
        for (String paper : EXPERIMENTS) {
            allow(paper, concat(experimentBase, "experiment"));
        }
        allow("experiment.catalog", concat(concat(experimentBase, "experiment"), EXPERIMENTS.toArray(String[]::new)));
        allow("cli", ALLOWED.keySet().toArray(String[]::new));
    }

    /**
     * Third-party packages that only some layers may use: native BLAS/LAPACK only in {@code linalg}, XGBoost only in
     * {@code boosting}; CSV, JSON,
     * plotting and CLI parsing never in the numerical core or the models.
     */
    static final Map<String, Set<String>> THIRD_PARTY = Map.of(
            "org.bytedeco..", Set.of("linalg"),
            "org.apache.commons.csv..", Set.of("table", "report", "benchmark", "cli"),
            "com.fasterxml.jackson..", Set.of("io", "training", "tabular", "report", "benchmark", "experiment",
                    "experiment.grokking", "experiment.fact", "experiment.deeplinear", "experiment.alignment",
                    "experiment.meanfield", "cli"),
            "org.knowm.xchart..", Set.of("report"),
            "ml.dmlc..", Set.of("boosting"),
            "picocli..", Set.of("cli"));

    private Layers() {
    }

    private static void allow(String pkg, String... uses) {
        for (String u : uses) {
            if (!ALLOWED.containsKey(u)) {
                throw new IllegalStateException(pkg + " may use " + u + ", which is not declared below it");
            }
        }
        ALLOWED.put(pkg, new LinkedHashSet<>(List.of(uses)));
    }

    private static String[] concat(String[] a, String... b) {
        List<String> out = new ArrayList<>(List.of(a));
        out.addAll(List.of(b));
        return out.toArray(String[]::new);
    }
}
