/**
 * The few basics every layer shares, with no dependencies: {@link org.featurelab.base.Task} (classification or
 * regression), {@link org.featurelab.base.Progress} (a progress callback for long runs),
 * {@link org.featurelab.base.Permutations} (the one seeded shuffle used for splits, folds and mini-batches) and
 * {@link org.featurelab.base.Listing} (names in error messages, shortened to a few).
 */
package org.featurelab.base;
