package org.featurelab.benchmark;

import org.featurelab.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bandwidth grid of the leak-free protocol ({@code --bandwidths}): the choice is made over L too, so its validation
 * accuracy is at least that of the papers' fixed L = 10 (which the grid contains), on both selection rules; the chosen
 * L is reported, in results.csv only when it is not 10.
 */
class UciBandwidthGridTest {
    @Test
    void theGridChoosesAtLeastAsWellAsTheFixedBandwidth() {
        UciDataset iris = UciDataset.load(TestData.uciFixture(), "iris");
        List<Double> grid = List.of(1.0, 10.0, 100.0);
        for (int folds : new int[]{1, 3}) {
            UciProtocol.Settings fixed = UciProtocol.Settings.defaults().withSelectionFolds(folds);
            UciProtocol.Settings searched = fixed.withBandwidths(grid);
            assertTrue(searched.searchesBandwidth());
            for (int j = 0; j < 2; j++) {
                UciResult a = UciProtocol.run(iris, j, UciModel.laplace(), fixed);
                UciResult b = UciProtocol.run(iris, j, UciModel.laplace(), searched);
                assertEquals(10.0, a.bandwidth());
                assertTrue(grid.contains(b.bandwidth()), "chosen L " + b.bandwidth());
                assertTrue(b.validationAccuracy() >= a.validationAccuracy(),
                        "fold " + j + ": " + b.validationAccuracy() + " < " + a.validationAccuracy());
                String h = b.toUnitResult().hyperparameters();
                assertEquals(b.bandwidth() != 10.0, h.contains(";bandwidth="), h);
                assertTrue(!a.toUnitResult().hyperparameters().contains("bandwidth"));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> UciProtocol.Settings.defaults().withBandwidths(List.of(0.0)));
    }
}
