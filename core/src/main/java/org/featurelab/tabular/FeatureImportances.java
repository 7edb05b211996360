package org.featurelab.tabular;

import org.featurelab.encoding.FittedPreprocessor;
import org.featurelab.linalg.Matrix;
import org.featurelab.linalg.SymmetricEigen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importances read off the learned feature matrix M: per encoded feature diag(M)_j / tr(M); per original
 * column the sum over its encoded features (one-hot blocks, missing indicators); and the leading
 * eigenvectors of M, whose loadings show the directions the model is most sensitive to.
 */
public record FeatureImportances(List<String> featureNames, double[] featureShare, List<String> columns,
                                 double[] columnShare, double[] eigenvalues, Matrix eigenvectors, Matrix metric) {

    public FeatureImportances {
        featureNames = List.copyOf(featureNames);
        columns = List.copyOf(columns);
        featureShare = featureShare.clone();
        columnShare = columnShare.clone();
        eigenvalues = eigenvalues.clone();
        eigenvectors = eigenvectors.copy();
        metric = metric.copy();
    }

    @Override
    public double[] featureShare() {
        return featureShare.clone();
    }

    @Override
    public double[] columnShare() {
        return columnShare.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public Matrix eigenvectors() {
        return eigenvectors.copy();
    }

    @Override
    public Matrix metric() {
        return metric.copy();
    }

    /** One named importance. */
    public record Entry(String name, double share) {
    }

    static FeatureImportances of(Matrix m, FittedPreprocessor pre) {
        int d = m.rows();
        double[] share = shares(m.diag());
        Map<String, Double> byColumn = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) {
            byColumn.merge(pre.sourceColumn(j), share[j], Double::sum);
        }
        SymmetricEigen eig = SymmetricEigen.of(m);
        double[] values = eig.values();
        Matrix vectors = eig.vectors();
        // descending order
        double[] desc = new double[d];
        Matrix vecDesc = Matrix.zeros(d, d);
        for (int k = 0; k < d; k++) {
            desc[k] = values[d - 1 - k];
            for (int j = 0; j < d; j++) {
                vecDesc.set(j, k, vectors.get(j, d - 1 - k));
            }
        }
        return new FeatureImportances(pre.featureNames(), share, new ArrayList<>(byColumn.keySet()),
                byColumn.values().stream().mapToDouble(Double::doubleValue).toArray(), desc, vecDesc, m.copy());
    }

    /**
     * Importances of boosted trees: per encoded feature its share of XGBoost's total gain g_j / Σ g, per original
     * column the sum over its encoded features (as for M). {@code metric} is diag(share), so the "eigenvectors" are
     * the coordinate axes by decreasing share: trees learn no directions, only which features they split on.
     */
    static FeatureImportances ofGains(double[] gains, FittedPreprocessor pre) {
        int d = gains.length;
        if (d != pre.featureCount()) {
            throw new IllegalArgumentException("importances: " + d + " gains for " + pre.featureCount() + " features");
        }
        return of(Matrix.diagonal(shares(gains)), pre);
    }

    /** max(0, vⱼ)/Σ max(0, v): non-negative shares summing to 1 (all 0 when nothing is positive). */
    private static double[] shares(double[] v) {
        double total = 0;
        for (double x : v) {
            total += Math.max(0, x);
        }
        double[] share = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            share[j] = total > 0 ? Math.max(0, v[j]) / total : 0;
        }
        return share;
    }

    /** Original columns by decreasing share. */
    public List<Entry> rankedColumns() {
        return ranked(columns, columnShare);
    }

    /** Encoded features by decreasing share. */
    public List<Entry> rankedFeatures() {
        return ranked(featureNames, featureShare);
    }

    /** The largest-magnitude loadings of eigenvector k (0 = leading), at most {@code top} of them. */
    public List<Entry> eigenvectorLoadings(int k, int top) {
        List<Entry> all = new ArrayList<>();
        for (int j = 0; j < featureNames.size(); j++) {
            all.add(new Entry(featureNames.get(j), eigenvectors.get(j, k)));
        }
        all.sort(Comparator.comparingDouble((Entry e) -> -Math.abs(e.share())));
        return all.subList(0, Math.min(top, all.size()));
    }

    private static List<Entry> ranked(List<String> names, double[] values) {
        List<Entry> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            out.add(new Entry(names.get(j), values[j]));
        }
        out.sort(Comparator.comparingDouble((Entry e) -> -e.share()));
        return out;
    }
}
