package org.featurelab.experiment.meanfield;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.base.SampleStatistics;
import org.featurelab.experiment.ExperimentReport;
import org.featurelab.report.LineChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The weight-marginal part of the mean-field reports: for each sampled method, the hidden-weight coordinates on and
 * off the support, summarised by the standard deviation and the excess kurtosis E[(w − w̄)⁴]/sd⁴ − 3 (0 for a
 * Gaussian; heavy tails make it positive), and drawn as histograms (densities on a log axis, so tails show).
 * summary.json {@code marginals}: one object per method with {@code kappa}, {@code P}, {@code on} and {@code off}
 * ({@code n}, {@code sd}, {@code excess_kurtosis}).
 */
final class WeightMarginals {
    private static final int BINS = 41;

    private WeightMarginals() {
    }

    static void report(ExperimentReport r, List<MeanFieldCurves.Marginal> marginals) {
        if (marginals.isEmpty()) {
            return;
        }
        ArrayNode arr = r.summary().putArray("marginals");
        double lim = 0;
        for (MeanFieldCurves.Marginal m : marginals) {
            lim = Math.max(lim, Math.max(quantileAbs(m.onSupport(), 0.995), quantileAbs(m.offSupport(), 0.995)));
        }
        lim = lim > 0 ? lim : 1;
        Map<String, double[][]> lines = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (MeanFieldCurves.Marginal m : marginals) {
            ObjectNode o = arr.addObject();
            o.put("method", m.method());
            o.put("kappa", m.kappa());
            o.put("P", m.p());
            stats(o.putObject("on"), m.onSupport());
            stats(o.putObject("off"), m.offSupport());
            lines.put(m.method() + " on S", histogram(m.onSupport(), lim));
            lines.put(m.method() + " off S", histogram(m.offSupport(), lim));
            rows.add(List.of(m.method(), String.format(Locale.ROOT, "%.3f", SampleStatistics.populationSd(m.onSupport())),
                    String.format(Locale.ROOT, "%.3f", SampleStatistics.populationSd(m.offSupport())),
                    String.format(Locale.ROOT, "%.2f", excessKurtosis(m.onSupport())),
                    String.format(Locale.ROOT, "%.2f", excessKurtosis(m.offSupport()))));
            r.metric(m.method() + "/marginal", m.p(), "sd_on_support", SampleStatistics.populationSd(m.onSupport()));
            r.metric(m.method() + "/marginal", m.p(), "sd_off_support", SampleStatistics.populationSd(m.offSupport()));
            r.metric(m.method() + "/marginal", m.p(), "excess_kurtosis_on_support", excessKurtosis(m.onSupport()));
            r.metric(m.method() + "/marginal", m.p(), "excess_kurtosis_off_support", excessKurtosis(m.offSupport()));
        }
        MeanFieldCurves.Marginal first = marginals.get(0);
        r.table(List.of("method (κ = " + first.kappa() + ", P = " + first.p() + ")", "sd on S", "sd off S",
                "excess kurtosis on S", "excess kurtosis off S"), rows);
        r.plot("weight_marginals.png", String.format(Locale.ROOT,
                        "Hidden-weight coordinates on and off the support at κ = %s, P = %d (density, log scale)", first.kappa(), first.p()),
                LineChart.pngBytesLogY("Weight marginals", "w_ij", "density (log scale)", lines));
    }

    private static void stats(ObjectNode o, double[] v) {
        o.put("n", v.length);
        o.put("sd", SampleStatistics.populationSd(v));
        o.put("excess_kurtosis", excessKurtosis(v));
    }

    /** Bin centres and densities over [−lim, lim] (empty bins are left out). */
    static double[][] histogram(double[] v, double lim) {
        double[] counts = new double[BINS];
        double width = 2 * lim / BINS;
        for (double x : v) {
            int b = (int) Math.floor((x + lim) / width);
            if (b >= 0 && b < BINS) {
                counts[b]++;
            }
        }
        List<double[]> pts = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                pts.add(new double[]{-lim + (b + 0.5) * width, counts[b] / (v.length * width)});
            }
        }
        double[][] out = new double[2][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            out[0][i] = pts.get(i)[0];
            out[1][i] = pts.get(i)[1];
        }
        return out;
    }

    static double excessKurtosis(double[] v) {
        double mu = SampleStatistics.mean(v);
        double m2 = 0;
        double m4 = 0;
        for (double x : v) {
            double e = (x - mu) * (x - mu);
            m2 += e;
            m4 += e * e;
        }
        m2 /= v.length;
        m4 /= v.length;
        return m2 == 0 ? 0 : m4 / (m2 * m2) - 3;
    }

    private static double quantileAbs(double[] v, double q) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = Math.abs(v[i]);
        }
        java.util.Arrays.sort(a);
        return a.length == 0 ? 0 : a[Math.min(a.length - 1, (int) Math.floor(q * a.length))];
    }
}
