package org.featurelab.spark;

import java.io.Serializable;

/**
 * One training row as the executors hold it: its row number (0..n−1, in the order of the input Dataset's
 * partitions, {@code zipWithIndex}), its features and its label. A plain class, not a record: Spark's Kryo
 * serializer (4.x) cannot write records on Java 17.
 */
final class IndexedRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int index;
    private final double[] features;
    private final double label;

    IndexedRow(int index, double[] features, double label) {
        this.index = index;
        this.features = features;
        this.label = label;
    }

    int index() {
        return index;
    }

    double[] features() {
        return features;
    }

    double label() {
        return label;
    }
}
