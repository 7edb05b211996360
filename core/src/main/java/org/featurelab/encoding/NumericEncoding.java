package org.featurelab.encoding;

import java.util.List;

/**
 * A numeric column standardised with training statistics: feature {@code name} is
 * {@code (x − mean) / std}; a missing cell is imputed with {@code mean} (so it becomes 0). When
 * {@code missingIndicator} is set, a second feature {@code name_missing} is 1 for missing cells, else 0.
 *
 * @param name the raw column
 * @param mean training mean of the non-missing cells
 * @param std training standard deviation of the non-missing cells (divisor n); 1 for a constant column
 * @param missingIndicator whether the column had missing cells in training
 */
public record NumericEncoding(String name, double mean, double std, boolean missingIndicator)
        implements ColumnEncoding {

    public NumericEncoding {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("numeric encoding: empty column name");
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("numeric encoding of '" + name + "': mean " + mean + " is not finite");
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("numeric encoding of '" + name + "': std " + std
                    + " must be positive and finite");
        }
    }

    /** The standardised value {@code (x − mean) / std}. */
    public double standardise(double x) {
        return (x - mean) / std;
    }

    @Override
    public int width() {
        return missingIndicator ? 2 : 1;
    }

    @Override
    public List<String> featureNames() {
        return missingIndicator ? List.of(name, name + MISSING_SUFFIX) : List.of(name);
    }
}
