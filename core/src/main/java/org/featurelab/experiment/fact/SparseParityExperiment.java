package org.featurelab.experiment.fact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Progress;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.BarChart;
import org.featurelab.report.LineChart;
import org.featurelab.rfm.FeatureUpdate;
import org.featurelab.rfm.MetricScaling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code featurelab experiment sparse-parity}: NFA-RFM (M ← AGOP) and FACT-RFM (M ← (FACT·FACTᵀ)^½) on sparse
 * parities of order k over a sweep of training sizes n ({@link SparseParity}); other NFA variants (AGOP^½, centred
 * gradients, no rescaling of M) through {@link Method#parse}. summary.json: {@code runs}, one entry per (method, k, n)
 * with {@code final_test_accuracy}, {@code support_mass}, {@code update} and {@code scaling}.
 */
public final class SparseParityExperiment {
    /** The claim reproduced. */
    public static final String CLAIM = "Claim (FACT paper): on sparse parities x ∈ {0,1}^50, y = XOR of k coordinates, "
            + "NFA-RFM and FACT-RFM learn a feature matrix M concentrated on the k relevant coordinates and generalise once "
            + "n passes a k-dependent threshold (a phase transition in n, as in MLPs; k = 4 needs n in the tens of thousands).";

    private SparseParityExperiment() {
    }

    /**
     * The sweep.
     *
     * @param ks         parity orders
     * @param ns         training sizes
     * @param d          dimension
     * @param testSize   test points
     * @param bandwidth  Laplace L
     * @param ridge      λ
     * @param iterations RFM iterations
     * @param seed       base seed (each (k, n) uses seed + 1000·k + n's index, the same for every method)
     * @param methods    the methods fitted at every (k, n)
     */
    public record Sweep(List<Integer> ks, List<Integer> ns, int d, int testSize, double bandwidth, double ridge,
                        int iterations, long seed, List<Method> methods) {
        public Sweep {
            ks = List.copyOf(ks);
            ns = List.copyOf(ns);
            methods = List.copyOf(methods);
            if (ks.isEmpty() || ns.isEmpty() || methods.isEmpty()) {
                throw new IllegalArgumentException("sparse parity: ks, ns and methods need at least one value");
            }
            if (methods.stream().map(Method::name).distinct().count() != methods.size()) {
                throw new IllegalArgumentException("sparse parity: methods must be distinct, got " + methods.stream()
                        .map(Method::name).toList());
            }
        }

        /** k ∈ {2, 3, 4}, n ∈ {1000, 2000, 5000, 10000}, d = 50, 10 iterations, NFA-RFM and FACT-RFM. */
        public static Sweep defaults() {
            return new Sweep(List.of(2, 3, 4), List.of(1000, 2000, 5000, 10000), 50, 2000, 10, 1e-3, 10, 0, DEFAULT_METHODS);
        }

        /** k = 2, n ∈ {100, 300, 1000}, 8 iterations, NFA-RFM and FACT-RFM. */
        public static Sweep quick() {
            return new Sweep(List.of(2), List.of(100, 300, 1000), 50, 2000, 10, 1e-3, 8, 0, DEFAULT_METHODS);
        }

        public Sweep with(List<Integer> k, List<Integer> n, Integer t, long s) {
            return new Sweep(k == null ? ks : k, n == null ? ns : n, d, testSize, bandwidth, ridge, t == null ? iterations : t, s,
                    methods);
        }

        public Sweep withMethods(List<Method> m) {
            return m == null ? this : new Sweep(ks, ns, d, testSize, bandwidth, ridge, iterations, seed, m);
        }

        SparseParity.Config config(int k, int nIndex) {
            return new SparseParity.Config(d, k, ns.get(nIndex), testSize, bandwidth, ridge, iterations,
                    seed + 1000L * k + nIndex);
        }
    }

    /**
     * One RFM variant: the feature update and the rescaling of each new M (max entry 1 unless said otherwise).
     *
     * @param name    {@code <update>-rfm}, with {@code -scale-none} / {@code -scale-trace} for the other scalings
     */
    public record Method(String name, FeatureUpdate update, MetricScaling scaling) {
        /**
         * Parses {@code UPDATE[:SCALING]}: UPDATE as {@link FeatureUpdate#parse} (nfa, nfa-sqrt, nfa-centered,
         * nfa-sqrt-centered, fact, fact-gm), SCALING as {@link MetricScaling#parse} (max, the default; none; trace).
         */
        public static Method parse(String spec) {
            int colon = spec.indexOf(':');
            FeatureUpdate update = FeatureUpdate.parse(colon < 0 ? spec : spec.substring(0, colon));
            MetricScaling scaling = colon < 0 ? MetricScaling.MAX : MetricScaling.parse(spec.substring(colon + 1));
            String suffix = scaling == MetricScaling.MAX ? "" : "-scale-" + scaling.name().toLowerCase(Locale.ROOT);
            return new Method(update.name() + "-rfm" + suffix, update, scaling);
        }
    }

    /** NFA-RFM (M ← AGOP) and FACT-RFM, both with M scaled to max entry 1. */
    public static final List<Method> DEFAULT_METHODS = List.of(Method.parse("nfa"), Method.parse("fact"));

    /** Runs the sweep and builds the report. */
    public static ExperimentReport run(Sweep sweep, Progress progress) {
        List<SparseParity.Trajectory> runs = new ArrayList<>();
        for (int k : sweep.ks()) {
            for (int i = 0; i < sweep.ns().size(); i++) {
                SparseParity.Config c = sweep.config(k, i);
                for (Method m : sweep.methods()) {
                    runs.add(SparseParity.run(c, m.name(), m.update(), m.scaling(), progress));
                }
            }
        }
        return report(sweep, runs);
    }

    static ExperimentReport report(Sweep sweep, List<SparseParity.Trajectory> runs) {
        ExperimentReport r = new ExperimentReport("sparse-parity", CLAIM);
        ObjectNode c = r.config();
        c.putPOJO("k", sweep.ks());
        c.putPOJO("n", sweep.ns());
        c.put("d", sweep.d());
        c.put("testSize", sweep.testSize());
        c.put("kernel", "laplace");
        c.put("bandwidth", sweep.bandwidth());
        c.put("ridge", sweep.ridge());
        c.put("iterations", sweep.iterations());
        c.put("seed", sweep.seed());
        c.putPOJO("methods", sweep.methods().stream().map(Method::name).toList());
        c.putPOJO("support", SparseParity.SUPPORT);
        ArrayNode list = r.summary().putArray("runs");
        List<List<String>> rows = new ArrayList<>();
        for (SparseParity.Trajectory t : runs) {
            SparseParity.Step last = t.last();
            ObjectNode o = list.addObject();
            o.put("method", t.method());
            sweep.methods().stream().filter(m -> m.name().equals(t.method())).findFirst().ifPresent(m -> {
                o.put("update", m.update().name());
                o.put("scaling", m.scaling().name().toLowerCase(Locale.ROOT));
            });
            o.put("k", t.config().k());
            o.put("n", t.config().n());
            o.put("final_test_accuracy", last.testAccuracy());
            o.put("support_mass", last.supportMass());
            rows.add(List.of(t.method(), Integer.toString(t.config().k()), Integer.toString(t.config().n()),
                    String.format(Locale.ROOT, "%.4f", last.testAccuracy()), String.format(Locale.ROOT, "%.4f", last.supportMass())));
            String run = t.method() + " k=" + t.config().k() + " n=" + t.config().n();
            for (SparseParity.Step s : t.steps()) {
                r.metric(run, s.iteration(), "test_accuracy", s.testAccuracy());
                r.metric(run, s.iteration(), "support_mass", s.supportMass());
            }
        }
        r.table(List.of("method", "k", "n", "final test accuracy", "support mass of diag(M)"), rows);
        r.note(String.format(Locale.ROOT, "x uniform on {0,1}^%d, y = ±1 parity of coordinates %s (0-based; k < 4 uses the first k), "
                        + "%d fresh test points, Laplace kernel L = %s, ridge %s, %d iterations, M scaled to max entry 1 unless the "
                        + "method name says -scale-none (M as computed) or -scale-trace (tr M = d). Support mass = "
                        + "share of trace(M) on the k parity coordinates (k/%d for M = I). Chance accuracy 0.5.",
                sweep.d(), java.util.Arrays.toString(SparseParity.SUPPORT), sweep.testSize(), sweep.bandwidth(), sweep.ridge(),
                sweep.iterations(), sweep.d()));
        int nMax = sweep.ns().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Map<String, double[][]> perIteration = new LinkedHashMap<>();
        Map<String, double[][]> versusN = new LinkedHashMap<>();
        for (String method : sweep.methods().stream().map(Method::name).toList()) {
            for (int k : sweep.ks()) {
                List<SparseParity.Trajectory> mk = runs.stream()
                        .filter(t -> t.method().equals(method) && t.config().k() == k).toList();
                double[] n = mk.stream().mapToDouble(t -> t.config().n()).toArray();
                double[] acc = mk.stream().mapToDouble(t -> t.last().testAccuracy()).toArray();
                versusN.put(method + " k=" + k, new double[][]{n, acc});
                mk.stream().filter(t -> t.config().n() == nMax).findFirst().ifPresent(t -> {
                    double[] it = t.steps().stream().mapToDouble(SparseParity.Step::iteration).toArray();
                    double[] a = t.steps().stream().mapToDouble(SparseParity.Step::testAccuracy).toArray();
                    perIteration.put(method + " k=" + k, new double[][]{it, a});
                });
            }
        }
        r.plot("accuracy_vs_iteration.png", "Test accuracy per RFM iteration at n = " + nMax,
                LineChart.pngBytes("Test accuracy per iteration (n = " + nMax + ")", "iteration", "test accuracy", perIteration));
        r.plot("accuracy_vs_n.png", "Final test accuracy versus training size n (the phase transition)",
                LineChart.pngBytes("Final test accuracy versus n", "n (training samples)", "test accuracy", versusN));
        List<String> coords = new ArrayList<>();
        for (int j = 0; j < sweep.d(); j++) {
            coords.add(Integer.toString(j));
        }
        for (SparseParity.Trajectory t : runs) {
            if (t.config().n() == nMax) {
                String name = t.method() + "_k" + t.config().k() + "_diag.png";
                r.plot(name, t.method() + ", k = " + t.config().k() + ", n = " + nMax + ": diag(M); support "
                                + java.util.Arrays.toString(t.config().support()),
                        BarChart.pngBytes(coords, t.finalDiagonal(), "diag(M): " + t.method() + " k=" + t.config().k(), "M_ii"));
            }
        }
        return r;
    }
}
