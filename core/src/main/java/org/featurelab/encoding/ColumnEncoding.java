package org.featurelab.encoding;

import java.util.List;

/**
 * How one raw input column becomes one or more numeric features: the learned, exportable part of a
 * {@link FittedPreprocessor}. A closed set of records, so that persistence can write and read each field
 * and adding a variant is one record plus one case in {@link FittedPreprocessor}.
 */
public sealed interface ColumnEncoding permits NumericEncoding, CategoricalEncoding {
    /** Suffix of the 0/1 feature that marks a missing cell: {@code "<column>_missing"}. */
    String MISSING_SUFFIX = "_missing";

    /** The raw column this encoding reads. */
    String name();

    /** Whether a {@code <column>_missing} indicator feature is produced (the column had missing cells in training). */
    boolean missingIndicator();

    /** Number of output features. */
    default int width() {
        return featureNames().size();
    }

    /** Names of the output features, in output order. */
    List<String> featureNames();
}
