package org.featurelab.spark;

import java.io.Serializable;

/**
 * One training row as the executors hold it: its row number (0..n−1, in the order of the input Dataset's
 * partitions, {@code zipWithIndex}), its features and its label.
 */
record IndexedRow(int index, double[] features, double label) implements Serializable {
}
