package org.featurelab.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Task;
import org.featurelab.boosting.BoostedModel;
import org.featurelab.boosting.Boosting;
import org.featurelab.boosting.BoostingConfig;
import org.featurelab.io.Json;
import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The boosted-tree part of a model file (manifest kind {@value #KIND}, same archive format version 1 as the kernel
 * models, which load unchanged): manifest {@code model} {kind, task, maxDepth, eta, rounds, seed, threads, outputs,
 * features, boosterBytes, boosterFormat}, {@code learner}, {@code preprocessing}, {@code tuning} (null for XGBoost's
 * defaults; else fitRows, validationRows, chosen and candidates, each {maxDepth, eta, rounds, validationScore,
 * validationMse}); one array {@code booster}: XGBoost's UBJSON model bytes, big-endian, four bytes per element as an
 * unsigned 32-bit integer (exact in a float64; the last word zero-padded), 1 × ⌈boosterBytes / 4⌉, so the archive's
 * SHA-256 covers them like every array.
 */
final class TreeModelFile {
    static final String KIND = "featurelab-tabular-xgboost";
    static final String BOOSTER = "booster";

    private TreeModelFile() {
    }

    static ObjectNode model(FittedModel.Trees t) {
        BoostedModel b = t.trees();
        BoostingConfig c = b.config();
        ObjectNode model = Json.object();
        model.put("kind", KIND);
        model.put("task", b.task().label());
        model.put("maxDepth", c.maxDepth());
        model.put("eta", c.eta());
        model.put("rounds", c.rounds());
        model.put("seed", c.seed());
        model.put("threads", c.threads());
        model.put("outputs", b.outputs());
        model.put("features", b.features());
        model.put("boosterBytes", b.boosterBytes().length);
        model.put("boosterFormat", "ubj");
        return model;
    }

    static JsonNode tuning(FittedModel.Trees t) {
        if (t.tuning() == null) {
            return Json.mapper().nullNode();
        }
        ObjectNode o = Json.object();
        o.put("fitRows", t.fitRows());
        o.put("validationRows", t.validationRows());
        o.set("chosen", candidate(t.tuning().chosen()));
        ArrayNode a = o.putArray("candidates");
        t.tuning().candidates().forEach(c -> a.add(candidate(c)));
        return o;
    }

    static FittedModel.Trees read(JsonNode model, JsonNode tuning, Matrix packed) {
        BoostingConfig c = config(model);
        int length = ModelJson.req(model, "boosterBytes").asInt();
        BoostedModel b = new BoostedModel(c, Task.parse(ModelJson.text(model, "task")),
                ModelJson.req(model, "outputs").asInt(), ModelJson.req(model, "features").asInt(), unpack(packed, length));
        try {
            b.totalGains(); // loads the booster: bytes XGBoost cannot read fail here, not at the first prediction
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("its booster is not a readable XGBoost model (" + e.getMessage() + ")", e);
        }
        if (tuning == null || tuning.isNull()) {
            return new FittedModel.Trees(b, null, 0, 0);
        }
        List<Boosting.Scored> cs = new ArrayList<>();
        for (JsonNode o : ModelJson.req(tuning, "candidates")) {
            cs.add(candidate(o));
        }
        return new FittedModel.Trees(b, new Boosting.Tuning(cs, candidate(ModelJson.req(tuning, "chosen"))),
                ModelJson.req(tuning, "fitRows").asInt(), ModelJson.req(tuning, "validationRows").asInt());
    }

    /** Bytes as 1 × ⌈n/4⌉ big-endian unsigned 32-bit words, each exact in a double. */
    static Matrix pack(byte[] bytes) {
        double[] words = new double[(bytes.length + 3) / 4];
        for (int i = 0; i < bytes.length; i++) {
            words[i / 4] += (double) ((bytes[i] & 0xFFL) << (8 * (3 - i % 4)));
        }
        return Matrix.wrap(1, words.length, words);
    }

    static byte[] unpack(Matrix packed, int length) {
        double[] words = packed.data();
        if (length < 1 || packed.rows() != 1 || words.length != (length + 3) / 4) {
            throw new IllegalArgumentException("booster array is " + packed.shape() + " for " + length + " bytes");
        }
        byte[] out = new byte[length];
        for (int w = 0; w < words.length; w++) {
            double v = words[w];
            if (!(v >= 0 && v <= 0xFFFFFFFFL) || v != Math.rint(v)) {
                throw new IllegalArgumentException("booster array holds " + v + ", not a 32-bit word");
            }
            long word = (long) v;
            for (int k = 0; k < 4 && 4 * w + k < length; k++) {
                out[4 * w + k] = (byte) (word >>> (8 * (3 - k)));
            }
        }
        return out;
    }

    private static BoostingConfig config(JsonNode o) {
        return new BoostingConfig(ModelJson.req(o, "maxDepth").asInt(), ModelJson.req(o, "eta").asDouble(),
                ModelJson.req(o, "rounds").asInt(), 0, ModelJson.req(o, "seed").asLong(), ModelJson.req(o, "threads").asInt());
    }

    private static ObjectNode candidate(Boosting.Scored s) {
        ObjectNode o = Json.object();
        o.put("maxDepth", s.config().maxDepth());
        o.put("eta", s.config().eta());
        o.put("rounds", s.config().rounds());
        o.put("patience", s.config().patience());
        o.put("seed", s.config().seed());
        o.put("threads", s.config().threads());
        ModelJson.putNumber(o, "validationScore", s.validationScore());
        ModelJson.putNumber(o, "validationMse", s.validationMse());
        return o;
    }

    private static Boosting.Scored candidate(JsonNode o) {
        BoostingConfig c = new BoostingConfig(ModelJson.req(o, "maxDepth").asInt(), ModelJson.req(o, "eta").asDouble(),
                ModelJson.req(o, "rounds").asInt(), ModelJson.req(o, "patience").asInt(), ModelJson.req(o, "seed").asLong(),
                ModelJson.req(o, "threads").asInt());
        return new Boosting.Scored(c, ModelJson.number(o, "validationScore"), ModelJson.number(o, "validationMse"));
    }
}
