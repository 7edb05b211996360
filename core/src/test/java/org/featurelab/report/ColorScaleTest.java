package org.featurelab.report;

import org.junit.jupiter.api.Test;

import java.awt.Color;

import static org.featurelab.testing.Close.ROUNDOFF;
import static org.featurelab.testing.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ColorScale}: choice of scale, limits, anchors, clamping. */
class ColorScaleTest {

    @Test
    void straddlingZeroGivesSymmetricDivergingScale() {
        ColorScale s = ColorScale.forRange(-0.2, 0.8);
        assertTrue(s.diverging());
        assertClose(s.low(), -0.8, ROUNDOFF, 0, "low");
        assertClose(s.high(), 0.8, ROUNDOFF, 0, "high");
        assertEquals(new Color(0xF7F7F7), s.colorOf(0.0), "0 is the white midpoint");
        assertEquals(new Color(0xB2182B), s.colorOf(0.8), "top anchor");
        assertEquals(new Color(0x2166AC), s.colorOf(-0.8), "bottom anchor");
    }

    @Test
    void oneSignedRangeGivesSequentialScale() {
        ColorScale s = ColorScale.forRange(2, 6);
        assertFalse(s.diverging());
        assertEquals(new Color(0x440154), s.colorOf(2));
        assertEquals(new Color(0x21918C), s.colorOf(4), "midpoint anchor");
        assertEquals(new Color(0xFDE725), s.colorOf(6));
        assertFalse(ColorScale.forRange(-3, 0).diverging(), "non-positive data is sequential too");
    }

    @Test
    void interpolatesBetweenAnchorsAndClamps() {
        ColorScale s = ColorScale.forRange(0, 4); // anchors at 0, 1, 2, 3, 4
        Color a = new Color(0x440154);
        Color b = new Color(0x3B528B);
        Color half = s.colorOf(0.5);
        assertEquals(Math.round((a.getRed() + b.getRed()) / 2.0), half.getRed());
        assertEquals(Math.round((a.getGreen() + b.getGreen()) / 2.0), half.getGreen());
        assertEquals(s.colorOf(0), s.colorOf(-100), "clamped below");
        assertEquals(s.colorOf(4), s.colorOf(Double.POSITIVE_INFINITY), "clamped above");
        assertEquals(ColorScale.MISSING, s.colorOf(Double.NaN));
    }

    @Test
    void constantDataMapsToTheMiddleAndBadRangesAreRejected() {
        ColorScale s = ColorScale.forRange(3, 3);
        assertEquals(new Color(0x21918C), s.colorOf(3));
        assertThrows(IllegalArgumentException.class, () -> ColorScale.forRange(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ColorScale.forRange(Double.NaN, 1));
    }
}
