package org.featurelab.partition;

import org.featurelab.scoring.TemperatureScaling;

/**
 * A fitted tree and the class-probability calibration scored on its leaves' held-out rows.
 *
 * @param model       the tree-partitioned RFM
 * @param calibration classification: the softmax inverse temperature fitted on (a sample of) the held-out rows
 *                    with the hold-out leaf models at the chosen routing ({@link TemperatureScaling#fit}); β = 1 when
 *                    no rows were held out (T = 0); {@code null} for regression
 */
public record PartitionedFit(PartitionedRfmModel model, TemperatureScaling calibration) implements java.io.Serializable {
}
