/** The FACT paper's experiments: FACT versus NFA on a network trained with weight decay, and sparse parity learned by RFMs. */
package org.featurelab.experiment.fact;
