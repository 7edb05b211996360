/** The registry of {@code featurelab experiment NAME}: every experiment with its defaults and quick settings. */
package org.featurelab.experiment.catalog;
