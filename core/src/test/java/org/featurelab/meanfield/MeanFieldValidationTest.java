package org.featurelab.meanfield;

import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every invalid field gives one IllegalArgumentException whose message starts with the field's name. */
class MeanFieldValidationTest {
    private final List<DynamicTest> cases = new ArrayList<>();

    private void expect(String field, String label, Executable bad) {
        cases.add(DynamicTest.dynamicTest(field + ": " + label, () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
            assertTrue(e.getMessage().startsWith(field), "message '" + e.getMessage() + "' should name " + field);
        }));
    }

    @TestFactory
    List<DynamicTest> invalidInputsNameTheirField() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        expect("kappa", "0", () -> SgldConfig.of(0, 0.1, 1, 1));
        expect("kappa", "negative", () -> SgldConfig.of(-1, 0.1, 1, 1));
        expect("kappa", "NaN", () -> SgldConfig.of(nan, 0.1, 1, 1));
        expect("kappa", "infinite", () -> SgldConfig.of(inf, 0.1, 1, 1));
        expect("stepSize", "0", () -> SgldConfig.of(0.1, 0, 1, 1));
        expect("stepSize", "NaN", () -> SgldConfig.of(0.1, nan, 1, 1));
        expect("steps", "negative", () -> SgldConfig.of(0.1, 0.1, -1, 1));
        expect("burnIn", "negative", () -> SgldConfig.of(0.1, 0.1, 1, 1).withRecording(-1, 1));
        expect("arithmetic", "float32", () -> SgldConfig.of(0.1, 0.1, 1, 1).withArithmetic(org.featurelab.linalg.Arithmetic.FLOAT32));
        expect("arithmetic", "null", () -> SgldConfig.of(0.1, 0.1, 1, 1).withArithmetic(null));
        expect("recordEvery", "0", () -> SgldConfig.of(0.1, 0.1, 1, 1).withRecording(0, 0));

        expect("k", "k > d", () -> TeacherTask.SparseParity.firstCoordinates(3, 4));
        expect("k", "k > d, explicit support", () -> new TeacherTask.SparseParity(2, new int[] {0, 1, 2}));
        expect("k", "0", () -> TeacherTask.SparseParity.firstCoordinates(3, 0));
        expect("support", "repeated coordinate", () -> new TeacherTask.SparseParity(3, new int[] {1, 1}));
        expect("support", "out of range", () -> new TeacherTask.SparseParity(3, new int[] {3}));
        expect("dimension", "d = 0 parity", () -> new TeacherTask.SparseParity(0, new int[] {0}));
        expect("dimension", "d = 1 He4", () -> new TeacherTask.SingleIndexHe4(1));
        expect("P", "P = 0 parity", () -> TeacherTask.SparseParity.firstCoordinates(3, 2).sample(0, new SplittableRandom(1)));
        expect("P", "P = 0 He4", () -> new TeacherTask.SingleIndexHe4(3).sample(0, new SplittableRandom(1)));

        Priors priors = Priors.standard();
        expect("width", "N = 0", () -> TwoLayerNetwork.samplePrior(0, 3, 0.5, priors, new SplittableRandom(1)));
        expect("width", "N = 0, explicit", () -> new TwoLayerNetwork(Matrix.zeros(0, 3), new double[0], 0.5));
        expect("dimension", "d = 0", () -> TwoLayerNetwork.samplePrior(2, 0, 0.5, priors, new SplittableRandom(1)));
        expect("gamma", "NaN", () -> new TwoLayerNetwork(Matrix.zeros(2, 3), new double[2], nan));
        expect("readout", "NaN entry", () -> new TwoLayerNetwork(Matrix.zeros(2, 3), new double[] {0, nan}, 0.5));
        expect("readout", "wrong length", () -> new TwoLayerNetwork(Matrix.zeros(2, 3), new double[3], 0.5));
        Matrix badW = Matrix.zeros(2, 3);
        badW.set(1, 2, inf);
        expect("hidden", "infinite entry", () -> new TwoLayerNetwork(badW, new double[2], 0.5));

        TwoLayerNetwork net = TwoLayerNetwork.samplePrior(2, 3, 0.5, priors, new SplittableRandom(1));
        SgldConfig config = SgldConfig.of(0.1, 0.1, 1, 1);
        Matrix x = Matrix.zeros(4, 3);
        expect("targets", "NaN", () -> new Sgld(net, x, new double[] {0, 0, nan, 0}, priors, config));
        expect("targets", "wrong length", () -> new Sgld(net, x, new double[3], priors, config));
        Matrix badX = Matrix.zeros(4, 3);
        badX.set(0, 0, nan);
        expect("inputs", "NaN", () -> new Sgld(net, badX, new double[4], priors, config));
        expect("inputs", "wrong d", () -> new Sgld(net, Matrix.zeros(4, 2), new double[4], priors, config));
        expect("inputs", "P = 0", () -> new Sgld(net, Matrix.zeros(0, 3), new double[0], priors, config));
        expect("bins", "0", () -> Measures.weightMarginals(Matrix.zeros(2, 3), new int[] {0}, 0, 1.0));
        expect("range", "NaN", () -> Measures.weightMarginals(Matrix.zeros(2, 3), new int[] {0}, 4, nan));
        return cases;
    }
}
