package org.featurelab.report;

import java.awt.Color;

/**
 * Maps values to colours by piecewise-linear interpolation between anchor colours over [low, high].
 * {@link #forRange} picks a diverging blue–white–red scale symmetric about 0 when the range straddles 0,
 * and the sequential viridis scale otherwise. NaN maps to {@link #MISSING}.
 */
final class ColorScale {
    /** Colour of NaN cells. */
    static final Color MISSING = new Color(0xBDBDBD);

    /** ColorBrewer RdBu (7 classes), reversed so that negative is blue and positive red. */
    private static final int[] DIVERGING = {0x2166AC, 0x67A9CF, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xEF8A62, 0xB2182B};
    /** Matplotlib viridis sampled at 0, ¼, ½, ¾, 1. */
    private static final int[] SEQUENTIAL = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

    private final double low;
    private final double high;
    private final int[] anchors;

    private ColorScale(double low, double high, int[] anchors) {
        this.low = low;
        this.high = high;
        this.anchors = anchors;
    }

    /**
     * The scale for data in [min, max] (finite; NaN entries are ignored by the caller): diverging on
     * [−m, m] with m = max(|min|, |max|) if min &lt; 0 &lt; max, else sequential on [min, max].
     */
    static ColorScale forRange(double min, double max) {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("color scale: invalid range [" + min + ", " + max + "]");
        }
        if (min < 0 && max > 0) {
            double m = Math.max(-min, max);
            return new ColorScale(-m, m, DIVERGING);
        }
        return new ColorScale(min, max, SEQUENTIAL);
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    boolean diverging() {
        return anchors == DIVERGING;
    }

    /** The colour of {@code v}; values outside [low, high] are clamped, a zero-width range maps to the middle. */
    Color colorOf(double v) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        double t = high > low ? (v - low) / (high - low) : 0.5;
        return atFraction(Math.min(1.0, Math.max(0.0, t)));
    }

    /** The colour at position t ∈ [0, 1] along the scale. */
    Color atFraction(double t) {
        double x = t * (anchors.length - 1);
        int k = Math.min(anchors.length - 2, (int) Math.floor(x));
        double f = x - k;
        int a = anchors[k];
        int b = anchors[k + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + f * (cb - ca));
    }
}
