package org.featurelab.experiment.deeplinear;

/**
 * Exponential decay rate of a positive series y(t) ≈ C·e^{−r t}: the least-squares line through (tᵢ, ln yᵢ).
 */
public final class DecayRate {
    private DecayRate() {
    }

    /**
     * A fitted rate.
     *
     * @param rate      r = −slope of ln y against t
     * @param intercept ln C
     * @param rSquared  coefficient of determination of the line (1 = exactly exponential)
     * @param from      first t of the window
     * @param to        last t of the window
     * @param points    points in the window
     */
    public record Fit(double rate, double intercept, double rSquared, double from, double to, int points) {
    }

    /**
     * Fits ln yᵢ = ln C − r tᵢ over the points with tᵢ ≥ {@code from} (least squares; y must be &gt; 0 there).
     * Cost O(points).
     *
     * @throws IllegalArgumentException if fewer than two points lie in the window, the lengths differ or some y ≤ 0
     */
    public static Fit fit(double[] t, double[] y, double from) {
        if (t.length != y.length) {
            throw new IllegalArgumentException("decay fit: t has " + t.length + " points, y has " + y.length);
        }
        int n = 0;
        double st = 0;
        double sy = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from) {
                if (!(y[i] > 0)) {
                    throw new IllegalArgumentException("decay fit: y must be > 0, got " + y[i] + " at t = " + t[i]);
                }
                n++;
                st += t[i];
                sy += Math.log(y[i]);
                lo = Math.min(lo, t[i]);
                hi = Math.max(hi, t[i]);
            }
        }
        if (n < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("decay fit: need two distinct t ≥ " + from + ", got " + n);
        }
        double mt = st / n;
        double my = sy / n;
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from) {
                double a = t[i] - mt;
                double b = Math.log(y[i]) - my;
                stt += a * a;
                sty += a * b;
                syy += b * b;
            }
        }
        double slope = sty / stt;
        double r2 = syy == 0 ? 1.0 : sty * sty / (stt * syy);
        return new Fit(-slope, my - slope * mt, r2, lo, hi, n);
    }
}
