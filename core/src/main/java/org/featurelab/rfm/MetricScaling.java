package org.featurelab.rfm;

import org.featurelab.linalg.Matrix;

/**
 * Rescaling of a freshly learned M. Multiplying M by t equals dividing the Laplace bandwidth by √t, so the
 * choice interacts with the bandwidth: {@code MAX} (pip rfm, xRFM) makes the largest |entry| 1;
 * {@code TRACE} makes tr(M) = d, the trace of the identity M₀ = I; {@code NONE} keeps M as computed.
 */
public enum MetricScaling {
    NONE, MAX, TRACE;

    /** Returns the scaled copy of {@code m}; an all-zero M is returned unchanged. */
    public Matrix apply(Matrix m) {
        double s = switch (this) {
            case NONE -> 1.0;
            case MAX -> m.maxAbs();
            case TRACE -> m.trace() / m.rows();
        };
        if (!(s > 0) || !Double.isFinite(s)) {
            return m.copy();
        }
        return m.scale(1.0 / s);
    }

    public static MetricScaling parse(String s) {
        try {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown M scaling '" + s + "' (expected none, max or trace)");
        }
    }
}
