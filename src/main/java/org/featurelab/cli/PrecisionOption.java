package org.featurelab.cli;

import org.featurelab.linalg.Precision;
import picocli.CommandLine.Option;

/** The {@code --precision mixed|double} option shared by {@code fit} and {@code speed rfm}. */
final class PrecisionOption {
    @Option(names = "--precision", paramLabel = "P", defaultValue = "mixed",
            description = "mixed: for n >= 1500 rows, float32 factorisation with float64 refinement and float32 "
                    + "gradient GEMMs; double: float64 only (default: ${DEFAULT-VALUE}).")
    String value;

    Precision parse() {
        return Precision.parse(value);
    }
}
