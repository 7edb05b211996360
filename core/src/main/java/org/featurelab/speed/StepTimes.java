package org.featurelab.speed;

import java.util.Arrays;

/** Summaries of per-step wall times in milliseconds, shared by the step benchmarks. */
final class StepTimes {
    private StepTimes() {
    }

    /** The median of {@code millis} (mean of the two middle values for an even count); NaN when empty. */
    static double median(double[] millis) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        double[] s = millis.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** The smallest of {@code millis}; NaN when empty. */
    static double min(double[] millis) {
        return Arrays.stream(millis).min().orElse(Double.NaN);
    }
}
