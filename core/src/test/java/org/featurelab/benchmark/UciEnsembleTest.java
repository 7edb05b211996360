package org.featurelab.benchmark;

import org.featurelab.base.Task;
import org.featurelab.kernel.Kernel;
import org.featurelab.kernel.Laplace;
import org.featurelab.kernel.ProductLaplace;
import org.featurelab.linalg.Matrix;
import org.featurelab.rfm.LabeledData;
import org.featurelab.rfm.Rfm;
import org.featurelab.rfm.RfmConfig;
import org.featurelab.rfm.RfmListener;
import org.featurelab.scoring.Scores;
import org.featurelab.tabular.ModelKind;
import org.featurelab.tabular.Splits;
import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ensembles and the ℓ1 kernel in the UCI protocol ({@link UciModel}): names round-trip, and an ensemble's
 * test accuracy is that of the sum of its members' class scores, each member refitted with its own choice — recomputed
 * here from the members' chosen hyperparameters with the kernels named explicitly (Laplace, product-Laplace).
 */
class UciEnsembleTest {
    @Test
    void namesRoundTripAndBadEnsemblesAreRefused() {
        UciModel m = UciModel.parse("nfa-rfm+Laplace-L1");
        assertEquals(ModelKind.NFA_RFM, m.kind());
        assertFalse(m.l1());
        assertEquals(1, m.partners().size());
        assertEquals(ModelKind.LAPLACE, m.partners().get(0).kind());
        assertTrue(m.partners().get(0).l1());
        assertEquals("nfa-rfm+laplace-l1", m.name());
        assertEquals(m, UciModel.parse(m.name()));
        assertEquals("fact-rfm-gm-l1", UciModel.parse("fact-gm-rfm-l1").name(), "aliases are read, ids written");
        assertEquals(new UciModel(ModelKind.LAPLACE), UciModel.parse("laplace"));
        assertTrue(UciModel.parse("laplace-l1").kernel(3) instanceof ProductLaplace);
        assertTrue(UciModel.parse("laplace").kernel(3) instanceof Laplace);
        assertEquals("nfa-rfm+laplace-l1", UciModel.parse(" nfa-rfm + laplace-l1 ").name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> UciModel.parse("foo-l1"));
        assertTrue(unknown.getMessage().startsWith("unknown model 'foo-l1'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UciModel(ModelKind.LAPLACE, false,
                List.of(UciModel.laplace())), "a repeated member, also through the constructor");
        for (String bad : List.of("xgboost-l1", "xgboost+laplace", "laplace+xgboost-tuned", "laplace+laplace", "laplace+",
                "", "-l1", "laplace+-L1")) {
            assertThrows(IllegalArgumentException.class, () -> UciModel.parse(bad), bad);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anEnsembleScoresTheSumOfItsMembersRefits(int selectionFolds) {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        int j = 1;
        UciProtocol.Settings settings = selectionFolds == 1 ? UciProtocol.Settings.defaults()
                : UciProtocol.Settings.defaults().withSelectionFolds(selectionFolds);
        UciProtocol.Scored ensemble = UciProtocol.scored(iris, j, UciModel.parse("laplace+laplace-l1"), settings);
        UciProtocol.Scored l2 = UciProtocol.scored(iris, j, UciModel.laplace(), settings);
        UciProtocol.Scored l1 = UciProtocol.scored(iris, j, UciModel.parse("laplace-l1"), settings);
        UciResult e = ensemble.result();
        assertEquals("laplace+laplace-l1", e.model());
        assertEquals("laplace-l1", l1.result().model());
        assertEquals(l2.result().ridge(), e.ridge(), "the first member's choice");
        assertEquals(l2.result().rowNorm(), e.rowNorm());
        assertEquals(l2.result().validationAccuracy(), e.validationAccuracy(), 0.0);
        assertEquals(l1.result().asPartner(), e.partners(), "the partner's choice");
        assertTrue(e.toUnitResult().hyperparameters().endsWith(";partners=" + l1.result().asPartner()));

        Matrix y = UciProtocol.oneHot(iris.labels(), iris.classCount());
        Matrix testY = y.selectRows(iris.fold(j).test());
        Matrix l2Scores = refitTestScores(iris, j, y, new Laplace(l2.result().bandwidth()), l2.result(), settings);
        Matrix l1Scores = refitTestScores(iris, j, y, new ProductLaplace(l1.result().bandwidth()), l1.result(), settings);
        assertClose(l2.testScores(), l2Scores, 0, 0, "laplace: the Laplace kernel's refit");
        assertClose(l1.testScores(), l1Scores, 0, 0, "laplace-l1: the product-Laplace kernel's refit");
        assertTrue(l1Scores.minus(l2Scores).frobeniusNorm() > 1e-3, "the two kernels score differently");
        assertClose(ensemble.testScores(), l2Scores.plus(l1Scores), 0, 0, "the ensemble: the sum of the members' scores");
        assertEquals(Scores.accuracy(l2Scores.plus(l1Scores), testY), e.testAccuracy(), 0.0);
        assertTrue(e.testAccuracy() > 0.85, "iris is easy: " + e.testAccuracy());
    }

    /**
     * With bagging every member contributes the mean of its fits, and three members are named in order with the
     * partners' choices joined by {@code +}.
     */
    @Test
    void baggedMembersEnterAsMeansAndThreeMembersAreRecorded() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        int j = 2;
        UciProtocol.Settings settings = UciProtocol.Settings.defaults().withSelectionFolds(3).withBagging(true);
        UciProtocol.Scored a = UciProtocol.scored(iris, j, UciModel.laplace(), settings);
        UciProtocol.Scored b = UciProtocol.scored(iris, j, UciModel.parse("laplace-l1"), settings);
        UciProtocol.Scored c = UciProtocol.scored(iris, j, UciModel.parse("nfa-rfm"), settings);
        assertEquals(4, a.fits(), "the refit and the three cross-validation fits");
        UciProtocol.Scored all = UciProtocol.scored(iris, j, UciModel.parse("laplace + laplace-l1 + nfa-rfm"),
                settings);
        Matrix expected = a.testScores().scale(0.25).plus(b.testScores().scale(0.25)).plus(c.testScores().scale(0.25));
        assertClose(all.testScores(), expected, 1e-15, 1e-15, "the sum of the members' means");
        assertEquals(b.result().asPartner() + "+" + c.result().asPartner(), all.result().partners());
        assertEquals("laplace+laplace-l1+nfa-rfm", all.result().model());
        assertEquals(a.result().testAccuracy(), UciProtocol.run(iris, j, UciModel.laplace(), settings).testAccuracy(),
                0.0, "a single bagged model scores the argmax of its sum, as before");
    }

    /** The plain kernel refitted on the fold's train + validation rows with a result's (row norm, λ), on the test rows. */
    private static Matrix refitTestScores(UciDataset data, int j, Matrix y, Kernel kernel, UciResult chosen,
                                          UciProtocol.Settings settings) {
        UciDataset.Fold fold = data.fold(j);
        LabeledData all = new LabeledData(chosen.rowNorm() ? UciProtocol.normalizeRows(data.x()) : data.x(), y);
        int[] rows = Splits.subset(Task.CLASSIFICATION, y, UciProtocol.union(fold.train(), fold.validation()),
                settings.maxRefitRows(), j);
        RfmConfig config = RfmConfig.defaults().withKernel(kernel).withIterations(0).withRidge(chosen.ridge())
                .withScaling(settings.scaling()).withCenterTargets(settings.centerTargets());
        return Rfm.fit(config, Task.CLASSIFICATION, all.select(rows), null, RfmListener.NONE)
                .predict(all.select(fold.test()).x());
    }
}
