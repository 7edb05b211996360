package org.featurelab.diagnostics;

import org.featurelab.linalg.Matrix;
import org.featurelab.nn.Activation;
import org.featurelab.nn.Layer;
import org.featurelab.nn.Network;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link KinkPinning} on a network whose hidden pre-activations are the inputs themselves (W₀ = I). */
class KinkPinningTest {
    @Test
    void countsPreActivationsNearZeroRelativeToTheMedian() {
        // 9 pre-activations; |u| sorted: 1e-8, 5e-7, 3e-5, 0.005, 1, 1, 1, 2, 3 → median 1
        Matrix x = Matrix.of(new double[][]{{1e-8, -5e-7, 3e-5}, {-0.005, 1, -1}, {1, 2, -3}});
        Network net = new Network(List.of(Layer.of(Matrix.identity(3), Activation.RELU),
                Layer.of(Matrix.of(new double[][]{{1, 1, 1}}), Activation.IDENTITY)));
        KinkPinning k = KinkPinning.of(net, x);
        assertEquals(9, k.total());
        assertArrayEquals(new long[]{4, 3, 2}, k.within());
        assertEquals(1e-8, k.smallest(), 1e-20);
    }
}
