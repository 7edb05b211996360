/** Grokking modular arithmetic with RFMs (Mallinar et al.; FACT paper): the experiment, the modular-arithmetic data and the circulant structure of the learned M. */
package org.featurelab.experiment.grokking;
