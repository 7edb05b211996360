/**
 * Tree-partitioned kernel machines (xRFM, ../shared/REFERENCE.md §10): the data is split recursively along the top
 * AGOP eigenvector of a cheap RFM fitted on a subsample of each node, at the median projection, until every leaf
 * holds at most {@link org.featurelab.partition.PartitionConfig#maxLeafSize} rows; an independent RFM is fitted per
 * leaf with best-iteration restore on the leaf's own validation rows; a row is predicted by the RFM of the leaf it
 * routes to. Memory and time are bounded by the leaf size: one leaf's n_leaf×n_leaf kernel matrix at a time.
 */
package org.featurelab.partition;
