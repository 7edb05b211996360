package org.featurelab.encoding;

import java.util.Collections;
import java.util.List;

/**
 * A categorical column one-hot encoded over its training categories: feature {@code name=category} is 1
 * when the cell equals that category (exact string match, after trimming), else 0. A category not seen
 * in training gives all zeros. When {@code missingIndicator} is set, a last feature {@code name_missing}
 * is 1 for missing cells; without it a missing cell also gives all zeros.
 *
 * @param name the raw column
 * @param categories the training categories, strictly increasing in {@link String#compareTo} order
 * @param missingIndicator whether the column had missing cells in training
 */
public record CategoricalEncoding(String name, List<String> categories, boolean missingIndicator)
        implements ColumnEncoding {

    public CategoricalEncoding {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("categorical encoding: empty column name");
        }
        categories = List.copyOf(categories);
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("categorical encoding of '" + name + "': no categories");
        }
        for (int k = 1; k < categories.size(); k++) {
            if (categories.get(k - 1).compareTo(categories.get(k)) >= 0) {
                throw new IllegalArgumentException("categorical encoding of '" + name
                        + "': categories must be sorted and distinct, got '" + categories.get(k - 1) + "' before '"
                        + categories.get(k) + "'");
            }
        }
    }

    /** Position of a category in {@link #categories()}, or −1 when it was not seen in training. Cost O(log k). */
    public int indexOf(String category) {
        int k = Collections.binarySearch(categories, category);
        return k >= 0 ? k : -1;
    }

    @Override
    public int width() {
        return categories.size() + (missingIndicator ? 1 : 0);
    }

    @Override
    public List<String> featureNames() {
        String[] out = new String[width()];
        for (int k = 0; k < categories.size(); k++) {
            out[k] = name + "=" + categories.get(k);
        }
        if (missingIndicator) {
            out[categories.size()] = name + MISSING_SUFFIX;
        }
        return List.of(out);
    }
}
