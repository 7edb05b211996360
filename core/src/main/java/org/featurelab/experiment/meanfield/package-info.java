/** {@code featurelab experiment mean-field}: learning curves of SGLD, the mean-field solver and the NNGP kernel limit. */
package org.featurelab.experiment.meanfield;
