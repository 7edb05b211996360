package org.featurelab.benchmark;

import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link UciUnits}: single models reused by the ensembles of a run give each unit exactly the scores and choices of
 * computing it alone, and each single model is computed once per fold.
 */
class UciUnitsTest {
    private static final List<String> MODELS = List.of("laplace", "laplace-l1", "laplace+laplace-l1",
            "nfa-rfm+laplace-l1", "nfa-rfm");

    @Test
    void reusedMembersGiveTheUnitsOfComputingEachAlone() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        UciProtocol.Settings settings = UciProtocol.Settings.defaults().withCenterTargets(true);
        UciUnits units = new UciUnits(settings);
        for (int j = 0; j < 2; j++) {
            UnitResult laplace = null;
            UnitResult l1 = null;
            for (String name : MODELS) {
                UciModel model = UciModel.parse(name);
                UnitResult reused = units.run(iris, j, model);
                UnitResult alone = UciProtocol.unit(iris, j, model, settings);
                assertEquals(alone.hyperparameters(), reused.hyperparameters(), name);
                assertEquals(alone.validationScore(), reused.validationScore(), 0, name);
                assertEquals(alone.testScore(), reused.testScore(), 0, name);
                if (name.equals("laplace")) {
                    laplace = reused;
                } else if (name.equals("laplace-l1")) {
                    l1 = reused;
                } else if (name.equals("laplace+laplace-l1")) {
                    // both members reused: the ensemble's seconds are theirs, as measured when they ran
                    assertEquals(laplace.seconds() + l1.seconds(), reused.seconds(), 1e-12);
                }
            }
        }
        // per fold: laplace+laplace-l1 reuses both, nfa-rfm+laplace-l1 reuses laplace-l1, nfa-rfm reuses nfa-rfm
        assertEquals(2 * 4, units.reused());
        // a new dataset drops the kept models: the first unit there is computed
        UciDataset lenses = UciDataset.load(TestData.uciFixture(), "lenses");
        units.run(lenses, 0, UciModel.parse("laplace+laplace-l1"));
        assertEquals(8, units.reused());
    }
}
