package org.featurelab.linalg;

/**
 * The precision policy of a kernel machine, as configured ({@code RfmConfig}, {@code LearnerConfig},
 * {@code --precision}, model files). A fit turns it into the {@link Arithmetic} it runs in, once, with
 * {@link #resolve(int)}:
 * <ul>
 *   <li>{@link #FLOAT64}: {@link Arithmetic#FLOAT64} at every size.</li>
 *   <li>{@link #MIXED}: {@link Arithmetic#MIXED} for problems with at least {@value #MIXED_MIN_SIZE} rows (relative
 *   error of the resulting AGOP ≈ 10⁻⁷, see docs/design.md), {@link Arithmetic#FLOAT64} for smaller ones, where
 *   float32 would save little time.</li>
 * </ul>
 * Its label is the label of its large-problem arithmetic ({@code float64}, {@code mixed}); {@link #parse} also reads
 * {@code double}, the label of {@link #FLOAT64} in earlier versions.
 */
public enum Precision {
    FLOAT64(Arithmetic.FLOAT64), MIXED(Arithmetic.MIXED);

    /** Problems with fewer rows than this always run in float64. */
    public static final int MIXED_MIN_SIZE = 1500;

    private final Arithmetic large;

    Precision(Arithmetic large) {
        this.large = large;
    }

    /** The arithmetic of a problem with {@code n} rows under this policy. */
    public Arithmetic resolve(int n) {
        return n >= MIXED_MIN_SIZE ? large : Arithmetic.FLOAT64;
    }

    /** {@code float64} or {@code mixed}. */
    public String label() {
        return large.label();
    }

    /**
     * The policy named {@code float64} (alias {@code double}) or {@code mixed}.
     *
     * @throws IllegalArgumentException naming the accepted words, for any other word
     */
    public static Precision parse(String word) {
        return Arithmetic.parse(word, Arithmetic.FLOAT64, Arithmetic.MIXED) == Arithmetic.MIXED ? MIXED : FLOAT64;
    }
}
