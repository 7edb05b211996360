package org.featurelab.cli;

import org.featurelab.linalg.Arithmetic;
import org.featurelab.linalg.Precision;
import picocli.CommandLine.Option;

import java.util.function.Supplier;

/**
 * The {@code --precision float64|mixed} option shared by {@code fit} and {@code speed rfm}. Every command's
 * {@code --precision} speaks the words of {@link Arithmetic#label()} ({@code float64}, {@code mixed}, {@code float32};
 * {@code double} is read as {@code float64}) and accepts the subset it can run ({@link #parse}).
 */
final class PrecisionOption {
    @Option(names = "--precision", paramLabel = "P", defaultValue = "mixed",
            description = "mixed: for n >= 1500 rows, float32 factorisation with float64 refinement and float32 "
                    + "gradient GEMMs; float64 (or double): float64 only (default: ${DEFAULT-VALUE}).")
    String value;

    /** The precision policy named by the option ({@link Precision#parse}). */
    Precision policy() {
        return option(() -> Precision.parse(value));
    }

    /**
     * The arithmetic named by a {@code --precision} word, one of {@code accepted}; any other word is one error naming
     * the accepted ones.
     */
    static Arithmetic parse(String word, Arithmetic... accepted) {
        return option(() -> Arithmetic.parse(word, accepted));
    }

    private static <T> T option(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--precision: " + e.getMessage());
        }
    }
}
