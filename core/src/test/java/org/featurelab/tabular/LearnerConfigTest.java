package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.CategoricalEncoding;
import org.featurelab.encoding.ClassificationTarget;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.kernel.Gaussian;
import org.featurelab.kernel.KernelKind;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.Precision;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.MetricScaling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link LearnerConfig}: a typed kernel kind, messages that name the fields, and the tuner's and learner's advice. */
class LearnerConfigTest {
    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void invalidValuesAreRejectedWithTheFieldName() {
        LearnerConfig nfa = LearnerConfig.defaults(ModelKind.NFA_RFM);
        assertEquals("iterations must be in 0..100, got 101", message(() -> nfa.withIterations(101)));
        assertEquals("model laplace learns no features: iterations must be 0 (got 2); use nfa-rfm or fact-rfm to learn M",
                message(() -> LearnerConfig.defaults(ModelKind.LAPLACE).withIterations(2)));
        assertEquals("ridges must be finite and >= 0, got -1.0", message(() -> nfa.withRidges(List.of(0.1, -1.0))));
        assertEquals("bandwidths must be positive and finite, got 0.0", message(() -> nfa.withBandwidths(List.of(0.0))));
        assertEquals("learner config: ridges and bandwidths must not be empty", message(() -> nfa.withRidges(List.of())));
        assertEquals("maxTuningRows must be >= 10, got 9", message(() -> nfa.withMaxTuningRows(9)));
        assertEquals("validationFraction must be in (0, 1), got 1.0", message(() -> new LearnerConfig(ModelKind.NFA_RFM,
                KernelKind.LAPLACE, 1, List.of(1.0), List.of(5.0), MetricScaling.TRACE, false, 1.0, 100, 0, Precision.FLOAT64, true)));
        assertEquals("learner config: model, kernel, scaling and precision are required", message(() -> nfa.withKernel(null)));
    }

    @Test
    void theKernelKindMakesTheKernelOfEachTunedBandwidth() {
        LearnerConfig c = LearnerConfig.defaults(ModelKind.NFA_RFM).withKernel(KernelKind.GAUSSIAN);
        assertEquals(KernelKind.LAPLACE, LearnerConfig.defaults(ModelKind.NFA_RFM).kernel());
        assertEquals(new Gaussian(5.0), Tuner.rfmConfig(c, 5.0, 0.1, 2).kernel());
        assertEquals(new Gaussian(20.0), Tuner.rfmConfig(c, 20.0, 0.1, 2).kernel());
        // the file form is the kind's name, read back to the same kind
        assertEquals("gaussian", ModelJson.config(c, null).get("kernel").asText());
        assertEquals(c, ModelJson.config(ModelJson.config(c, null)));
    }

    @Test
    void tooFewRowsToTuneNamesTheFieldsToFix() {
        LabeledData three = new LabeledData(Matrix.zeros(3, 2), Matrix.zeros(3, 2));
        assertEquals("too few training rows (3) to tune on a validation split; give ridges and bandwidths one value each "
                + "and iterations 0", message(() -> Tuner.tune(LearnerConfig.defaults(ModelKind.NFA_RFM),
                Task.CLASSIFICATION, three, Progress.NONE)));
    }

    @Test
    void anIdentifierColumnIsFlaggedWithTheDropField() {
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> String.format("id%02d", i)).toList();
        FittedPreprocessor pre = FittedPreprocessor.of(List.of(new CategoricalEncoding("customer", ids, false)),
                new ClassificationTarget("y", List.of("a", "b")));
        List<String> lines = new ArrayList<>();
        TabularLearner.warnAboutIdentifierColumns(pre, 60, lines::add);
        assertEquals(List.of("warning: text column 'customer' has 60 distinct values in 60 rows (an identifier?); it becomes "
                + "60 one-hot features — consider adding 'customer' to drop"), lines);
        lines.clear();
        TabularLearner.warnAboutIdentifierColumns(pre, 200, lines::add);
        assertEquals(List.of(), lines, "60 categories in 200 rows is not an identifier");
    }
}
