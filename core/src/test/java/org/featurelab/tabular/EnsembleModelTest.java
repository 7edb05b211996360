package org.featurelab.tabular;

import org.featurelab.base.Progress;
import org.featurelab.base.Task;
import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.encoding.PreparedData;
import org.featurelab.encoding.Preprocessor;
import org.featurelab.kernel.KernelKind;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.scoring.Scores;
import org.featurelab.scoring.TemperatureScaling;
import org.featurelab.table.Table;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ensemble kind nfa-rfm+laplace-l1 ({@link EnsembleLearner}, {@link FittedModel.Ensemble}): each member is the
 * model a single fit of its kind and kernel gives on the same data, the ensemble's scores are the members' mean, its
 * temperature is fitted on the mean of the members' validation scores, and a saved ensemble predicts the same bits.
 */
class EnsembleModelTest {
    @TempDir
    Path dir;

    private static final ModelKind ENSEMBLE = ModelKind.NFA_RFM_LAPLACE_L1;

    /** wine, 3 classes; the grids cut down so that the test stays quick. */
    private static LearnerConfig config() {
        return LearnerConfig.defaults(ENSEMBLE).withIterations(2).withBandwidths(List.of(5.0, 20.0));
    }

    @Test
    void membersAreTheSingleModelsAndScoresTheirMean() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        TabularModel ensemble = new TabularLearner(Preprocessor.forTarget(target), config()).fit(wine);
        FittedModel.Ensemble e = (FittedModel.Ensemble) ensemble.fitted();
        assertEquals(List.of("nfa-rfm", "laplace-l1"), e.names());
        assertEquals(ENSEMBLE.members().stream().map(ModelKind.Member::name).toList(), e.names());

        Matrix x = ensemble.preprocessing().transform(wine);
        Matrix mean = Matrix.zeros(x.rows(), 3);
        for (int k = 0; k < 2; k++) {
            ModelKind.Member member = ENSEMBLE.members().get(k);
            TabularModel alone = new TabularLearner(Preprocessor.forTarget(target), config().member(member)).fit(wine);
            assertEquals(member.kind(), alone.config().model());
            assertEquals(member.kernel(), alone.config().kernel());
            Matrix single = alone.fitted().predict(x);
            assertArrayEquals(single.data(), e.members().get(k).predict(x).data(), 0.0,
                    "member " + member.name() + " is the single fit of its kind and kernel");
            mean.addInPlace(0.5, single);
        }
        assertEquals(KernelKind.PRODUCT_LAPLACE.id(), e.members().get(1).rfm().kernel().name());
        assertEquals(0, e.members().get(1).rfm().iteration(), "the plain ℓ1 member keeps M = I");
        Matrix scores = e.predict(x);
        for (int i = 0; i < scores.data().length; i++) {
            assertEquals(mean.data()[i], scores.data()[i], 1e-12, "entry " + i);
        }
        Matrix p = e.probabilities(scores);
        int[] top = Scores.argmaxRows(scores);
        int[] topP = Scores.argmaxRows(p);
        for (int i = 0; i < p.rows(); i++) {
            assertEquals(1.0, p.get(i, 0) + p.get(i, 1) + p.get(i, 2), 1e-12, "row " + i);
            assertEquals(top[i], topP[i], "row " + i + ": probabilities rank the classes as the scores do");
        }
        assertTrue(ensemble.evaluate(wine).accuracy() > 0.97, "training accuracy on wine");
        assertEquals(e.members().get(0).candidates() + e.members().get(1).candidates(), e.candidates());
    }

    @Test
    void temperatureAndValidationScoreComeFromTheMembersMeanValidationScores() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        TabularModel ensemble = new TabularLearner(Preprocessor.forTarget(target), config()).fit(wine);
        FittedModel.Ensemble e = (FittedModel.Ensemble) ensemble.fitted();

        FittedPreprocessor pre = Preprocessor.forTarget(target).fit(wine);
        PreparedData prepared = pre.prepare(wine);
        LabeledData data = new LabeledData(prepared.x(), prepared.y());
        Tuner.Rows rows = Tuner.rows(config(), Task.CLASSIFICATION, data.y());
        LabeledData val = data.select(rows.validation());
        Matrix mean = null;
        for (ModelKind.Member m : ENSEMBLE.members()) {
            Matrix s = Tuner.search(config().member(m), Task.CLASSIFICATION, data.select(rows.fit()), val, Progress.NONE)
                    .validationScores();
            if (mean == null) {
                mean = s.copy();
            } else {
                mean.addInPlace(1.0, s);
            }
        }
        mean.scaleInPlace(0.5);
        assertEquals(TemperatureScaling.fit(mean, Scores.argmaxRows(val.y())).beta(), e.calibrationBeta(), 0.0);
        assertEquals(Scores.accuracy(mean, val.y()), e.validationScore(), 0.0);
        assertEquals(rows.validation().length, e.validationRows());
    }

    @Test
    void savedEnsemblePredictsTheSameBitsAndRanksByTheLearningMember() {
        Table diabetes = TabularFixtures.small("diabetes");
        String target = TabularFixtures.lastColumn(diabetes);
        TabularModel m = new TabularLearner(Preprocessor.forTarget(target), config()).fit(diabetes);
        Path file = dir.resolve("ensemble.flm");
        m.save(file);
        TabularModel back = TabularModel.load(file);
        assertEquals(ENSEMBLE, back.config().model());
        assertTrue(back.isEnsemble());
        FittedModel.Ensemble e = (FittedModel.Ensemble) back.fitted();
        assertTrue(Double.isNaN(e.calibrationBeta()), "regression: no temperature");
        assertEquals(m.fitted().validationScore(), e.validationScore(), 0.0);
        assertEquals(m.fitted().hyperparameters(), e.hyperparameters());
        assertArrayEquals(m.predict(diabetes).scores().data(), back.predict(diabetes).scores().data(), 0.0);
        FittedModel.Kernel learner = ((FittedModel.Ensemble) m.fitted()).members().get(0);
        assertArrayEquals(FeatureImportances.of(learner.rfm().metric().toMatrix(), m.preprocessing()).featureShare(),
                back.importances().featureShare(), 0.0, "importances: the nfa-rfm member's M");
        assertTrue(e.hyperparameters().startsWith("nfa-rfm[L=") && e.hyperparameters().contains("+laplace-l1[L="),
                e.hyperparameters());
    }

    @Test
    void givenValidationRowsTuneEveryMemberWithoutRefit() {
        Table wine = TabularFixtures.small("wine");
        String target = TabularFixtures.lastColumn(wine);
        TabularFixtures.TrainTest tt = TabularFixtures.split(wine, target, 0.3, 5);
        TabularModel m = new TabularLearner(Preprocessor.forTarget(target), config()).fit(tt.train(), tt.test(), "test",
                Progress.NONE);
        FittedModel.Ensemble e = (FittedModel.Ensemble) m.fitted();
        assertEquals(tt.test().rowCount(), e.validationRows());
        assertEquals(m.evaluate(tt.test()).accuracy(), e.validationScore(), 1e-12,
                "no refit: the validation score is the saved model's accuracy on those rows");
        for (FittedModel.Kernel k : e.members()) {
            assertEquals(tt.train().rowCount(), k.rfm().centers().rows());
        }
    }

    @Test
    void refusesAnotherKernelAndTreesOfKernelMachines() {
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class,
                () -> config().withKernel(KernelKind.GAUSSIAN));
        assertTrue(kernel.getMessage().contains("fixes its members' kernels"), kernel.getMessage());
        Table wine = TabularFixtures.small("wine");
        IllegalArgumentException tree = assertThrows(IllegalArgumentException.class,
                () -> new TabularLearner(Preprocessor.forTarget(TabularFixtures.lastColumn(wine)),
                        config().withMaxLeafSize(100)).fit(wine));
        assertTrue(tree.getMessage().contains("one kernel machine"), tree.getMessage());
        assertTrue(tree.getMessage().contains("--max-leaf-size 100;"), "names the limit that applied: " + tree.getMessage());
    }

    @Test
    void loadRefusesMembersThatAreNotTheKindsAndAnUnusableTemperature() {
        Table wine = TabularFixtures.small("wine");
        TabularModel m = new TabularLearner(Preprocessor.forTarget(TabularFixtures.lastColumn(wine)), config()).fit(wine);
        Path good = dir.resolve("good.flm");
        m.save(good);
        assertRefused(good, "swapped", mf -> {
            com.fasterxml.jackson.databind.node.ArrayNode members = (com.fasterxml.jackson.databind.node.ArrayNode)
                    mf.get("model").get("members");
            com.fasterxml.jackson.databind.JsonNode first = members.remove(0);
            members.add(first);
        }, "ensemble member 0 is 'laplace-l1'");
        assertRefused(good, "kernel", mf -> ((ObjectNode) mf.get("model").get("members").get(1).get("model"))
                .put("kernel", "gaussian"), "kernel gaussian");
        assertRefused(good, "task", mf -> ((ObjectNode) mf.get("model").get("members").get(0).get("model"))
                .put("task", "regression"), "regression model in a classification model");
        assertRefused(good, "learner", mf -> ((ObjectNode) mf.get("learner")).put("model", "nfa-rfm"),
                "its learner is 'nfa-rfm', not an ensemble");
        assertRefused(good, "beta", mf -> ((ObjectNode) mf.get("model")).put("calibrationBeta", -1.0),
                "'calibrationBeta' must be a positive finite number");
    }

    private void assertRefused(Path good, String name, Consumer<ObjectNode> edit, String expected) {
        Path file = TabularFixtures.withEditedManifest(good, dir.resolve(name + ".flm"), edit);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.load(file), name);
        assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
    }
}
