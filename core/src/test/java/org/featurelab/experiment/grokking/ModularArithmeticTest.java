package org.featurelab.experiment.grokking;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModularArithmeticTest {
    @Test
    void operationsAreTheGroupOperations() {
        int p = 13;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                assertEquals((a + b) % p, ModularArithmetic.Op.ADD.apply(a, b, p));
                assertEquals(a, (ModularArithmetic.Op.SUB.apply(a, b, p) + b) % p);
                assertEquals(a * b % p, ModularArithmetic.Op.MUL.apply(a, b, p));
                if (b != 0) {
                    assertEquals(a, ModularArithmetic.Op.DIV.apply(a, b, p) * b % p, a + "/" + b);
                }
            }
        }
    }

    @Test
    void dataIsOneHotWithTheRightSize() {
        ModularArithmetic add = new ModularArithmetic(ModularArithmetic.Op.ADD, 7);
        ModularArithmetic.Data d = add.all();
        assertEquals(49, d.x().rows());
        assertEquals(14, d.x().cols());
        assertEquals(7, d.y().cols());
        for (int i = 0; i < d.x().rows(); i++) {
            double sx = 0;
            double sy = 0;
            for (int j = 0; j < 14; j++) {
                sx += d.x().get(i, j);
            }
            for (int j = 0; j < 7; j++) {
                sy += d.y().get(i, j);
            }
            assertEquals(2, sx);
            assertEquals(1, sy);
            assertEquals(1, d.y().get(i, d.labels()[i]));
        }
        // row of pair (3, 5): inputs e_3 and e_{7+5}, label 1
        Matrix x = d.x();
        assertEquals(1, x.get(3 * 7 + 5, 3));
        assertEquals(1, x.get(3 * 7 + 5, 12));
        assertEquals(1, d.labels()[3 * 7 + 5]);
        assertEquals(42, new ModularArithmetic(ModularArithmetic.Op.DIV, 7).all().x().rows());
        assertThrows(IllegalArgumentException.class, () -> new ModularArithmetic(ModularArithmetic.Op.ADD, 15));
    }

    @Test
    void groupOrderIsADiscreteLogPermutationForMultiplication() {
        ModularArithmetic mul = new ModularArithmetic(ModularArithmetic.Op.MUL, 11);
        int[] order = mul.groupOrder();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, sorted);
        assertEquals(0, order[0]);
        assertEquals(1, order[1]);
        int g = order[2];
        for (int k = 2; k < 11; k++) {
            assertEquals(order[k], order[k - 1] * g % 11);
        }
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, new ModularArithmetic(ModularArithmetic.Op.SUB, 5).groupOrder());
    }

    @Test
    void splitIsSeededAndDisjoint() {
        int[][] a = ModularArithmetic.split(100, 0.5, 3);
        int[][] b = ModularArithmetic.split(100, 0.5, 3);
        int[][] c = ModularArithmetic.split(100, 0.5, 4);
        assertArrayEquals(a[0], b[0]);
        assertEquals(50, a[0].length);
        assertEquals(50, a[1].length);
        assertEquals(100, Arrays.stream(new int[][]{a[0], a[1]}).flatMapToInt(Arrays::stream).distinct().count());
        assertEquals(false, Arrays.equals(a[0], c[0]));
    }
}
