package org.featurelab.partition;

import org.featurelab.base.Task;
import org.featurelab.rfm.RfmConfig;

import java.io.Serializable;

/**
 * What every leaf of one tree is fitted with (serialisable: a distributed backend ships it to its workers).
 *
 * @param partition  the tree's settings (the leaf hold-out fraction and whether leaves are refitted)
 * @param leafConfig the leaves' RFM, iterations 0..T chosen per leaf on its hold-out
 * @param task       classification (one-hot targets) or regression
 */
public record LeafJob(PartitionConfig partition, RfmConfig leafConfig, Task task) implements Serializable {
}
