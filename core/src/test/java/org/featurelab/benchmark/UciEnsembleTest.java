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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ensembles and the ℓ1 kernel in the UCI protocol ({@link UciProtocol.Model}): names round-trip, and an ensemble's
 * test accuracy is that of the sum of its members' class scores, each member refitted with its own choice — recomputed
 * here from the members' chosen hyperparameters with the kernels named explicitly (Laplace, product-Laplace).
 */
class UciEnsembleTest {
    @Test
    void namesRoundTripAndBadEnsemblesAreRefused() {
        UciProtocol.Model m = UciProtocol.Model.parse("nfa-rfm+Laplace-L1");
        assertEquals(ModelKind.NFA_RFM, m.kind());
        assertFalse(m.l1());
        assertEquals(1, m.partners().size());
        assertEquals(ModelKind.LAPLACE, m.partners().get(0).kind());
        assertTrue(m.partners().get(0).l1());
        assertEquals("nfa-rfm+laplace-l1", m.name());
        assertEquals(m, UciProtocol.Model.parse(m.name()));
        assertEquals("fact-rfm-gm-l1", UciProtocol.Model.parse("fact-gm-rfm-l1").name(), "aliases are read, ids written");
        assertEquals(new UciProtocol.Model(ModelKind.LAPLACE), UciProtocol.Model.parse("laplace"));
        assertTrue(UciProtocol.Model.parse("laplace-l1").kernel(3) instanceof ProductLaplace);
        assertTrue(UciProtocol.Model.parse("laplace").kernel(3) instanceof Laplace);
        for (String bad : List.of("xgboost-l1", "xgboost+laplace", "laplace+xgboost-tuned", "laplace+laplace", "laplace+", "")) {
            assertThrows(IllegalArgumentException.class, () -> UciProtocol.Model.parse(bad), bad);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anEnsembleScoresTheSumOfItsMembersRefits(int selectionFolds) {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        int j = 1;
        UciProtocol.Settings settings = selectionFolds == 1 ? UciProtocol.Settings.defaults()
                : UciProtocol.Settings.defaults().withSelectionFolds(selectionFolds);
        UciProtocol.Result ensemble = UciProtocol.run(iris, j, UciProtocol.Model.parse("laplace+laplace-l1"), settings);
        UciProtocol.Result l2 = UciProtocol.run(iris, j, UciProtocol.Model.laplace(), settings);
        UciProtocol.Result l1 = UciProtocol.run(iris, j, UciProtocol.Model.parse("laplace-l1"), settings);
        assertEquals("laplace+laplace-l1", ensemble.model());
        assertEquals("laplace-l1", l1.model());
        assertEquals(l2.ridge(), ensemble.ridge(), "the first member's choice");
        assertEquals(l2.rowNorm(), ensemble.rowNorm());
        assertEquals(l2.validationAccuracy(), ensemble.validationAccuracy(), 0.0);
        assertEquals(l1.asPartner(), ensemble.partners(), "the partner's choice");
        assertTrue(ensemble.toUnitResult().hyperparameters().endsWith(";partners=" + l1.asPartner()));

        Matrix y = UciProtocol.oneHot(iris.labels(), iris.classCount());
        UciDataset.Fold fold = iris.fold(j);
        Matrix sum = refitTestScores(iris, j, y, new Laplace(l2.bandwidth()), l2, settings)
                .plus(refitTestScores(iris, j, y, new ProductLaplace(l1.bandwidth()), l1, settings));
        assertEquals(Scores.accuracy(sum, y.selectRows(fold.test())), ensemble.testAccuracy(), 0.0);
        assertEquals(Scores.accuracy(refitTestScores(iris, j, y, new ProductLaplace(l1.bandwidth()), l1, settings),
                y.selectRows(fold.test())), l1.testAccuracy(), 0.0, "laplace-l1 runs the product-Laplace kernel");
        assertTrue(ensemble.testAccuracy() > 0.85, "iris is easy: " + ensemble.testAccuracy());
    }

    /** The plain kernel refitted on the fold's train + validation rows with a result's (row norm, λ), on the test rows. */
    private static Matrix refitTestScores(UciDataset data, int j, Matrix y, Kernel kernel, UciProtocol.Result chosen,
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
