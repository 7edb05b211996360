package org.featurelab.testing;

import org.featurelab.linalg.Matrix;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one closeness assertion of the test suite: |actual − expected| ≤ atol + rtol·|expected|,
 * element-wise, with named tolerances.
 */
public final class Close {
    /** Agreement expected between two exact computations in double precision (different summation order). */
    public static final double ROUNDOFF = 1e-10;
    /** Agreement expected between an analytic derivative and a central finite difference. */
    public static final double FINITE_DIFFERENCE = 1e-5;

    private Close() {
    }

    public static void assertClose(double actual, double expected, double rtol, double atol, String what) {
        if (!(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected))) {
            fail(what + ": expected " + expected + " but was " + actual + " (rtol " + rtol + ", atol " + atol + ")");
        }
    }

    public static void assertClose(double[] actual, double[] expected, double rtol, double atol, String what) {
        if (actual.length != expected.length) {
            fail(what + ": length " + actual.length + " vs expected " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            assertClose(actual[i], expected[i], rtol, atol, what + "[" + i + "]");
        }
    }

    public static void assertClose(Matrix actual, Matrix expected, double rtol, double atol, String what) {
        if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
            fail(what + ": shape " + actual.shape() + " vs expected " + expected.shape());
        }
        for (int i = 0; i < actual.rows(); i++) {
            for (int j = 0; j < actual.cols(); j++) {
                assertClose(actual.get(i, j), expected.get(i, j), rtol, atol, what + "(" + i + "," + j + ")");
            }
        }
    }

    /** Relative Frobenius error ‖a − b‖_F / ‖b‖_F. */
    public static double relativeError(Matrix actual, Matrix expected) {
        return actual.minus(expected).frobeniusNorm() / expected.frobeniusNorm();
    }
}
