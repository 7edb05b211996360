package org.featurelab.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG output of XChart charts (the only XChart encoder on the classpath). */
final class XCharts {
    private XCharts() {
    }

    /** Renders {@code chart} at its own width and height and encodes it as PNG bytes. */
    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("chart: PNG encoding to memory failed", e);
        }
    }
}
