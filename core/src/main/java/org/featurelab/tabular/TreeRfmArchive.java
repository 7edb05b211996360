package org.featurelab.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.Task;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.io.Provenance;
import org.featurelab.linalg.Blas;
import org.featurelab.linalg.Matrix;
import org.featurelab.partition.PartitionedFit;
import org.featurelab.scoring.TemperatureScaling;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tree-partitioned RFM on its own — no CSV preprocessing: the model of another system's feature vectors, such as
 * the Spark module's — in a model file (archive format version {@value ModelArchive#CURRENT_FORMAT_VERSION}):
 * manifest {@code model} {kind {@value #KIND}, the object of {@code featurelab-tabular-tree-rfm} files without
 * maxLeafSize, iterations (the T each leaf chose from), calibration (the softmax β of classification, absent for
 * regression)} with the same arrays.
 */
public final class TreeRfmArchive {
    /** The manifest kind of these files. */
    public static final String KIND = "featurelab-partitioned-rfm";

    private TreeRfmArchive() {
    }

    /**
     * Writes {@code fit} to {@code out} atomically.
     *
     * @param iterations T, the iterations every leaf chose its own from
     * @param seed       the fit's seed (for the provenance)
     * @param origin     what fitted it (the provenance's command line), e.g. the Spark stage's uid
     */
    public static void write(Path out, PartitionedFit fit, int iterations, long seed, String origin) {
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        ObjectNode model = PartitionedModelFile.encode(KIND, fit.model(), iterations, null, arrays);
        model.put("iterations", iterations);
        if (fit.calibration() != null) {
            model.put("calibration", fit.calibration().beta());
        }
        ObjectNode manifest = Json.object();
        manifest.set("model", model);
        ObjectNode configuration = Json.object();
        configuration.put("iterations", iterations);
        configuration.put("leaves", fit.model().leaves().size());
        Provenance provenance = Provenance.capture(seed, Provenance.NO_DATA, configuration, origin, Blas.describe());
        ModelArchive.write(out, ModelArchive.of(manifest, provenance, arrays));
    }

    /** What such a file holds: the fit and the T its leaves chose their iterations from. */
    public record Contents(PartitionedFit fit, int iterations) {
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file when it is not such a model or is damaged
     */
    public static Contents read(Path in) {
        ModelArchive a = ModelArchive.read(in);
        try {
            JsonNode model = ModelJson.req(a.manifest(), "model");
            String kind = ModelJson.text(model, "kind");
            if (!KIND.equals(kind)) {
                throw new IllegalArgumentException("its kind is '" + kind + "', not " + KIND);
            }
            PartitionedFit fit = new PartitionedFit(PartitionedModelFile.decode(model, a), null);
            if (fit.model().task() == Task.CLASSIFICATION) {
                fit = new PartitionedFit(fit.model(), new TemperatureScaling(ModelJson.req(model, "calibration").asDouble()));
            }
            return new Contents(fit, ModelJson.req(model, "iterations").asInt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in + ": not a usable tree-partitioned RFM: " + e.getMessage(), e);
        }
    }
}
