package org.featurelab.partition;

import org.featurelab.rfm.RfmModel;

/**
 * One fitted leaf.
 *
 * @param heldOut    the RFM fitted without the leaf's held-out rows, at the iteration they chose (it scores the
 *                   routing temperature and the probability calibration)
 * @param model      the leaf's final RFM: refitted on all its rows at that iteration, or {@code heldOut} itself
 * @param validation the held-out rows (ascending; leaf-local indices from {@link PartitionedRfm#fitLeaf}, row
 *                   numbers from a {@link PartitionBackend})
 */
public record LeafFit(RfmModel heldOut, RfmModel model, int[] validation) implements java.io.Serializable {
    /** The same fit with its validation rows renumbered: local index i becomes {@code rows[i]}. */
    public LeafFit renumbered(int[] rows) {
        int[] v = new int[validation.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows[validation[i]];
        }
        return new LeafFit(heldOut, model, v);
    }
}
