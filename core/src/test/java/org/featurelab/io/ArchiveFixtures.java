package org.featurelab.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Small archives shared by the io tests. */
final class ArchiveFixtures {
    /** Fixed creation time of test provenance records. */
    static final Instant CREATED = Instant.parse("2024-03-01T12:34:56.789Z");

    private ArchiveFixtures() {
    }

    /** Provenance of a pretend API fit at {@link #CREATED}. */
    static Provenance provenance() {
        ObjectNode config = Json.object();
        config.put("kernel", "laplace");
        config.put("bandwidth", 10.0);
        config.put("ridge", 1e-3);
        config.put("iterations", 5);
        return Provenance.capture(20240301L, "sha256:abc123", config, Provenance.API,
                "OpenBLAS test double", Clock.fixed(CREATED, ZoneOffset.UTC));
    }

    /** A caller manifest with nested objects, lists and numbers. */
    static ObjectNode manifest() {
        ObjectNode m = Json.object();
        ObjectNode model = m.putObject("model");
        model.put("kind", "rfm");
        model.put("bandwidth", 10.0);
        model.putArray("featureNames").add("age").add("income").add("score");
        m.put("note", "round trip");
        return m;
    }

    /** Arrays: an empty 0x4, a 1x1, a 1x6 of special values, and a random 50x7 (seeded). */
    static Map<String, Matrix> arrays() {
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        arrays.put("empty", Matrix.zeros(0, 4));
        arrays.put("scalar", Matrix.wrap(1, 1, new double[] {Math.PI}));
        double nanWithPayload = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);
        arrays.put("special", Matrix.wrap(1, 6, new double[] {nanWithPayload, -0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}));
        arrays.put("X", random(50, 7, 7L));
        return arrays;
    }

    /** The archive of {@link #manifest()}, {@link #provenance()} and {@link #arrays()}. */
    static ModelArchive archive() {
        return ModelArchive.of(manifest(), provenance(), arrays());
    }

    /** A rows x cols matrix of values uniform in [-3, 3) from a seeded generator. */
    static Matrix random(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextDouble(-3, 3);
        }
        return Matrix.wrap(rows, cols, data);
    }

    /** Raw bits of every value, for bit-identity assertions. */
    static long[] bits(Matrix m) {
        double[] d = m.data();
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Double.doubleToRawLongBits(d[i]);
        }
        return out;
    }
}
