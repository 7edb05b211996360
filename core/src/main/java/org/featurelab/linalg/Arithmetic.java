package org.featurelab.linalg;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The arithmetic one computation actually runs in, resolved once (for a kernel machine by
 * {@link Precision#resolve(int)} from the problem size) and handed to every step that has a float32 variant:
 * <ul>
 *   <li>{@link #FLOAT64}: float64 everywhere.</li>
 *   <li>{@link #MIXED}: float32 where float64 accuracy is recovered or not needed, float64 elsewhere. For a kernel
 *   machine: the kernel system is factored in float32 and refined in float64 to float64 backward error
 *   ({@link Cholesky#solveShifted}, LAPACK dsposv's algorithm), and the gradient GEMM of the feature update runs in float32
 *   ({@link Matrix#multiply(Matrix, boolean, Matrix, boolean, Arithmetic)}); K, α, M and predictions stay float64.</li>
 *   <li>{@link #FLOAT32}: float32 throughout (the float32 MLP of {@code speed mlp}); kernel solves do not offer it.</li>
 * </ul>
 * The command-line words are the {@link #label() labels} {@code float64}, {@code mixed}, {@code float32}; {@code double}
 * is read as {@code float64} (the word of earlier versions, still in old scripts and model files).
 */
public enum Arithmetic {
    FLOAT64, MIXED, FLOAT32;

    /** Whether a GEMM that offers a float32 variant runs it: under {@link #MIXED} and {@link #FLOAT32}. */
    public boolean usesFloat32Gemm() {
        return this != FLOAT64;
    }

    /** The command-line and file word: {@code float64}, {@code mixed} or {@code float32}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The arithmetic named by {@code word} (case-insensitive, {@code double} = {@code float64}), which must be one of
     * {@code accepted}.
     *
     * @throws IllegalArgumentException naming the accepted words, for any other word
     */
    public static Arithmetic parse(String word, Arithmetic... accepted) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        Arithmetic named = w.equals("double") ? FLOAT64 : null;
        for (Arithmetic a : values()) {
            if (a.label().equals(w)) {
                named = a;
            }
        }
        for (Arithmetic a : accepted) {
            if (a == named) {
                return a;
            }
        }
        throw new IllegalArgumentException("unsupported precision '" + word + "': expected "
                + Arrays.stream(accepted).map(Arithmetic::label).collect(Collectors.joining(" or ")));
    }
}
