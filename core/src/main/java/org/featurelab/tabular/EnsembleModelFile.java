package org.featurelab.tabular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.io.ModelArchive;
import org.featurelab.linalg.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ensemble of kernel machines in a model file (manifest kind {@value #KIND}, archive format version 3): the
 * {@code model} object holds {@code calibrationBeta} and {@code validationScore} (null when NaN) and a {@code members}
 * list, each {@code {"name", "model", "tuning", "history"}} with the objects a single kernel machine's file has at
 * its top level ({@link TabularModelFile}); member k's arrays are those of a single kernel machine, named
 * {@code member.k.centers}, {@code member.k.alpha}, {@code member.k.offset} (with an intercept), {@code member.k.metric}.
 */
final class EnsembleModelFile {
    static final String KIND = "featurelab-tabular-ensemble";

    private EnsembleModelFile() {
    }

    private static String prefix(int k) {
        return "member." + k + ".";
    }

    /** The {@code model} object of {@code e}; its arrays are added to {@code arrays}. */
    static ObjectNode model(FittedModel.Ensemble e, Map<String, Matrix> arrays) {
        ObjectNode model = Json.object();
        model.put("kind", KIND);
        ModelJson.putNumber(model, "calibrationBeta", e.calibrationBeta());
        ModelJson.putNumber(model, "validationScore", e.validationScore());
        ArrayNode members = model.putArray("members");
        for (int k = 0; k < e.members().size(); k++) {
            FittedModel.Kernel m = e.members().get(k);
            ObjectNode o = members.addObject();
            o.put("name", e.names().get(k));
            o.set("model", TabularModelFile.kernelModel(m.rfm()));
            o.set("tuning", ModelJson.tuning(m.tuning()));
            o.set("history", ModelJson.history(m.rfm().history()));
            TabularModelFile.putKernelArrays(m.rfm(), arrays, prefix(k));
        }
        return model;
    }

    /** The ensemble {@link #model} wrote, its arrays read from {@code a}. */
    static FittedModel.Ensemble read(JsonNode model, ModelArchive a) {
        JsonNode members = ModelJson.req(model, "members");
        if (!members.isArray()) {
            throw new IllegalArgumentException("the ensemble's 'members' is not a list");
        }
        List<FittedModel.Kernel> fitted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            JsonNode o = members.get(k);
            JsonNode member = ModelJson.req(o, "model");
            if (!TabularModelFile.KIND.equals(ModelJson.text(member, "kind"))) {
                throw new IllegalArgumentException("ensemble member " + k + " is a '" + ModelJson.text(member, "kind")
                        + "', not a tabular RFM");
            }
            names.add(ModelJson.text(o, "name"));
            fitted.add(new FittedModel.Kernel(TabularModelFile.readKernel(member, ModelJson.req(o, "history"), a, prefix(k)),
                    ModelJson.tuning(ModelJson.req(o, "tuning"))));
        }
        return new FittedModel.Ensemble(fitted, names, ModelJson.calibrationBeta(model, "the ensemble's"),
                number(model, "validationScore"));
    }

    /**
     * Checks that the members read from a file are those of {@code kind} ({@link ModelKind#members()}: the same names,
     * in order, each with its kernel) and that each member's task is the model's {@code task}: a hand-edited file
     * whose members were swapped, re-kerneled or given another task would otherwise load and predict something else.
     */
    static void requireMembers(FittedModel.Ensemble e, ModelKind kind, org.featurelab.base.Task task) {
        List<ModelKind.Member> expected = kind.members();
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("it holds an ensemble but its learner is '" + kind.id() + "', not an ensemble");
        }
        if (e.members().size() != expected.size()) {
            throw new IllegalArgumentException("model " + kind.id() + " has " + expected.size() + " members, the file "
                    + e.members().size());
        }
        for (int k = 0; k < expected.size(); k++) {
            ModelKind.Member m = expected.get(k);
            org.featurelab.rfm.RfmModel rfm = e.members().get(k).rfm();
            String kernel = rfm.config().kernel().name();
            if (!m.name().equals(e.names().get(k)) || !m.kernel().id().equals(kernel)) {
                throw new IllegalArgumentException("ensemble member " + k + " is '" + e.names().get(k) + "' with kernel "
                        + kernel + ", but model " + kind.id() + " has '" + m.name() + "' with kernel " + m.kernel().id()
                        + " there");
            }
            if (rfm.task() != task) {
                throw new IllegalArgumentException("ensemble member " + k + " is a " + rfm.task().label()
                        + " model in a " + task.label() + " model");
            }
        }
    }

    private static double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || !(v.isNull() || v.isNumber())) {
            throw new IllegalArgumentException("the ensemble's '" + key + "' is " + (v == null ? "missing" : "not a number"));
        }
        return v.isNull() ? Double.NaN : v.asDouble();
    }
}
