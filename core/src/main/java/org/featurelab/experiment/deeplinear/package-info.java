/** Tansley, Massart &amp; Cartis: the deep linear NFA (W₁ᵀW₁ = AGOP^(1/L) for balanced networks) and the ReLU counterexample. */
package org.featurelab.experiment.deeplinear;
