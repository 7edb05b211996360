package org.featurelab.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.encoding.CategoricalEncoding;
import org.featurelab.encoding.ClassificationTarget;
import org.featurelab.encoding.ColumnEncoding;
import org.featurelab.encoding.NumericEncoding;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.encoding.RegressionTarget;
import org.featurelab.encoding.TargetEncoding;
import org.featurelab.io.Json;
import org.featurelab.kernel.KernelKind;
import org.featurelab.linalg.Precision;
import org.featurelab.rfm.IterationRecord;
import org.featurelab.rfm.MetricScaling;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of the parts of a {@link TabularModel} that are not arrays: learner configuration, column and
 * target encodings, tuning result and iteration history. Readers reject missing keys with a clear message.
 */
final class ModelJson {
    private ModelJson() {
    }

    static ObjectNode config(LearnerConfig c, Preprocessor p) {
        ObjectNode o = Json.object();
        o.put("model", c.model().id());
        o.put("kernel", c.kernel().id());
        o.put("iterations", c.iterations());
        ArrayNode r = o.putArray("ridges");
        c.ridges().forEach(r::add);
        ArrayNode l = o.putArray("bandwidths");
        c.bandwidths().forEach(l::add);
        o.put("scaling", c.scaling().name().toLowerCase(java.util.Locale.ROOT));
        o.put("diagonal", c.diagonal());
        o.put("validationFraction", c.validationFraction());
        o.put("maxTuningRows", c.maxTuningRows());
        o.put("seed", c.seed());
        o.put("precision", c.precision().label());
        o.put("centerTargets", c.centerTargets());
        o.put("maxLeafSize", c.maxLeafSize());
        o.put("patience", c.patience());
        if (p != null) {
            o.put("target", p.target());
            ArrayNode drop = o.putArray("drop");
            p.drop().forEach(drop::add);
            o.put("task", p.task() == null ? "auto" : p.task().label());
        }
        return o;
    }

    /** The settings of a fitted kernel machine: kernel, bandwidth, ridge, iterations, update, scaling, diagonal, precision. */
    static void putRfmConfig(ObjectNode model, org.featurelab.rfm.RfmConfig c) {
        model.put("kernel", c.kernel().name());
        model.put("bandwidth", c.kernel().bandwidth());
        model.put("ridge", c.ridge());
        model.put("iterations", c.iterations());
        model.put("update", c.update().name());
        model.put("scaling", c.scaling().name().toLowerCase(java.util.Locale.ROOT));
        model.put("diagonal", c.diagonal());
        model.put("precision", c.precision().label());
    }

    /** The settings {@link #putRfmConfig} wrote, with the intercept flag stored beside them. */
    static org.featurelab.rfm.RfmConfig rfmConfig(JsonNode model, boolean centerTargets) {
        return new org.featurelab.rfm.RfmConfig(org.featurelab.kernel.Kernel.parse(text(model, "kernel"),
                req(model, "bandwidth").asDouble()), req(model, "ridge").asDouble(), req(model, "iterations").asInt(),
                org.featurelab.rfm.FeatureUpdate.parse(text(model, "update")), MetricScaling.parse(text(model, "scaling")),
                req(model, "diagonal").asBoolean(), precision(model), centerTargets);
    }

    static LearnerConfig config(JsonNode o) {
        return new LearnerConfig(ModelKind.parse(text(o, "model")), KernelKind.parse(text(o, "kernel")), req(o, "iterations").asInt(),
                doubles(req(o, "ridges")), doubles(req(o, "bandwidths")), MetricScaling.parse(text(o, "scaling")),
                req(o, "diagonal").asBoolean(), req(o, "validationFraction").asDouble(), req(o, "maxTuningRows").asInt(),
                req(o, "seed").asLong(), precision(o), o.path("centerTargets").asBoolean(false),
                o.path("maxLeafSize").asInt(LearnerConfig.AUTO_LEAF_SIZE),
                o.has("patience") ? req(o, "patience").asInt() : 0);   // absent: written before early stopping, ran every iteration
    }

    // centerTargets: files written before the intercept existed were fitted without one (absent = false)

    /** Precision of a stored configuration; files written before the key existed were fitted in mixed precision. */
    static Precision precision(JsonNode o) {
        return o.hasNonNull("precision") ? Precision.parse(o.get("precision").asText()) : Precision.MIXED;
    }

    static ArrayNode columns(List<ColumnEncoding> columns) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (ColumnEncoding c : columns) {
            ObjectNode o = a.addObject();
            if (c instanceof NumericEncoding n) {
                o.put("type", "numeric");
                o.put("name", n.name());
                o.put("mean", n.mean());
                o.put("std", n.std());
            } else if (c instanceof CategoricalEncoding k) {
                o.put("type", "categorical");
                o.put("name", k.name());
                ArrayNode cats = o.putArray("categories");
                k.categories().forEach(cats::add);
            }
            o.put("missingIndicator", c.missingIndicator());
        }
        return a;
    }

    static List<ColumnEncoding> columns(JsonNode a) {
        List<ColumnEncoding> out = new ArrayList<>();
        for (JsonNode o : a) {
            String type = text(o, "type");
            boolean missing = req(o, "missingIndicator").asBoolean();
            switch (type) {
                case "numeric" -> out.add(new NumericEncoding(text(o, "name"), req(o, "mean").asDouble(),
                        req(o, "std").asDouble(), missing));
                case "categorical" -> out.add(new CategoricalEncoding(text(o, "name"), strings(req(o, "categories")), missing));
                default -> throw new IllegalArgumentException("unknown column encoding type '" + type + "'");
            }
        }
        return out;
    }

    static ObjectNode target(TargetEncoding t) {
        ObjectNode o = Json.object();
        o.put("column", t.column());
        o.put("task", t.task().label());
        if (t instanceof ClassificationTarget ct) {
            ArrayNode a = o.putArray("classes");
            ct.classes().forEach(a::add);
        }
        return o;
    }

    static TargetEncoding target(JsonNode o) {
        String task = text(o, "task");
        return switch (task) {
            case "classification" -> new ClassificationTarget(text(o, "column"), strings(req(o, "classes")));
            case "regression" -> new RegressionTarget(text(o, "column"));
            default -> throw new IllegalArgumentException("unknown task '" + task + "'");
        };
    }

    static ObjectNode tuning(Tuner.Result r) {
        ObjectNode o = Json.object();
        o.put("fitRows", r.fitRows());
        o.put("validationRows", r.validationRows());
        putNumber(o, "calibrationBeta", r.calibrationBeta());
        o.set("chosen", candidate(r.chosen()));
        ArrayNode a = o.putArray("candidates");
        r.candidates().forEach(c -> a.add(candidate(c)));
        return o;
    }

    static Tuner.Result tuning(JsonNode o) {
        List<Tuner.Candidate> cs = new ArrayList<>();
        for (JsonNode c : req(o, "candidates")) {
            cs.add(candidate(c));
        }
        return new Tuner.Result(cs, candidate(req(o, "chosen")), req(o, "fitRows").asInt(), req(o, "validationRows").asInt(),
                calibrationBeta(o, "the tuning's"));
    }

    /**
     * The inverse temperature β stored under {@code calibrationBeta} in {@code o}: NaN when absent (files written before
     * issue 12, read as β = 1) or null (regression, or nothing tuned).
     *
     * @throws IllegalArgumentException if it is present but not a positive finite number ({@code owner} names the
     *                                  object in the message)
     */
    static double calibrationBeta(JsonNode o, String owner) {
        JsonNode beta = o.get("calibrationBeta");
        if (beta == null || beta.isNull()) {
            return Double.NaN;
        }
        if (!beta.isNumber() || !(beta.asDouble() > 0) || !Double.isFinite(beta.asDouble())) {
            throw new IllegalArgumentException(owner + " 'calibrationBeta' must be a positive finite number, got " + beta);
        }
        return beta.asDouble();
    }

    private static ObjectNode candidate(Tuner.Candidate c) {
        ObjectNode o = Json.object();
        o.put("bandwidth", c.bandwidth());
        o.put("ridge", c.ridge());
        o.put("iteration", c.iteration());
        putNumber(o, "validationScore", c.validationScore());
        putNumber(o, "validationMse", c.validationMse());
        if (c.failure() != null) {
            o.put("failure", c.failure());
        }
        return o;
    }

    private static Tuner.Candidate candidate(JsonNode o) {
        return new Tuner.Candidate(req(o, "bandwidth").asDouble(), req(o, "ridge").asDouble(), req(o, "iteration").asInt(),
                number(o, "validationScore"), number(o, "validationMse"), o.hasNonNull("failure") ? o.get("failure").asText() : null);
    }

    static ArrayNode history(List<IterationRecord> h) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (IterationRecord r : h) {
            ObjectNode o = a.addObject();
            o.put("iteration", r.iteration());
            putNumber(o, "trainScore", r.trainScore());
            putNumber(o, "validationScore", r.validationScore());
            putNumber(o, "validationMse", r.validationMse());
            o.put("kernelSeconds", r.kernelSeconds());
            o.put("solveSeconds", r.solveSeconds());
            o.put("validateSeconds", r.validateSeconds());
            o.put("updateSeconds", r.updateSeconds());
            o.put("solveMethod", r.solveMethod());
            o.put("jitter", r.jitter());
            if (r.updateFailure() != null) {
                o.put("updateFailure", r.updateFailure());
            }
        }
        return a;
    }

    static List<IterationRecord> history(JsonNode a) {
        List<IterationRecord> out = new ArrayList<>();
        for (JsonNode o : a) {
            out.add(new IterationRecord(req(o, "iteration").asInt(), number(o, "trainScore"), number(o, "validationScore"),
                    number(o, "validationMse"), req(o, "kernelSeconds").asDouble(), req(o, "solveSeconds").asDouble(), req(o, "validateSeconds").asDouble(),
                    req(o, "updateSeconds").asDouble(), text(o, "solveMethod"), req(o, "jitter").asDouble(),
                    o.hasNonNull("updateFailure") ? o.get("updateFailure").asText() : null));
        }
        return out;
    }

    /** JSON has no NaN: non-finite numbers are written as null. */
    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    static JsonNode req(JsonNode o, String key) {
        JsonNode v = o == null ? null : o.get(key);
        if (v == null || v.isNull() && !key.equals("failure")) {
            throw new IllegalArgumentException("missing key '" + key + "'");
        }
        return v;
    }

    static String text(JsonNode o, String key) {
        return req(o, key).asText();
    }

    private static List<Double> doubles(JsonNode a) {
        List<Double> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
