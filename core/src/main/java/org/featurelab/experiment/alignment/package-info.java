/** Beaglehole et al., "Feature learning as alignment": centered NFA, the PTK and speed-limited optimisation. */
package org.featurelab.experiment.alignment;
