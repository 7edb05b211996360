package org.featurelab.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How the network of a training run starts ({@link TrainConfig#init()}), parsed once from its text form by
 * {@link #parse} at the boundary (command line, experiment settings); {@link #label()} gives the text back
 * (summary.json) and {@code parse(s.label())} equals {@code s}.
 * <ul>
 *   <li>{@link Standard} "standard": He/LeCun Gaussian weights, zero biases
 *       ({@link org.featurelab.nn.Initialization#standard}).</li>
 *   <li>{@link Scaled} "small:F": the standard network with every parameter multiplied by F &gt; 0.</li>
 *   <li>{@link Balanced} "balanced": a balanced deep linear chain ({@link org.featurelab.nn.Initialization#balanced}).</li>
 *   <li>{@link FromFile} "from:FILE": a network saved by {@link NetworkFile}, exactly as saved.</li>
 * </ul>
 */
public sealed interface InitSpec permits InitSpec.Standard, InitSpec.Scaled, InitSpec.Balanced, InitSpec.FromFile {
    /** Prefix of {@link FromFile}'s text form. */
    String FROM = "from:";
    /** Prefix of {@link Scaled}'s text form. */
    String SMALL = "small:";
    /** "standard". */
    Standard STANDARD = new Standard();
    /** "balanced". */
    Balanced BALANCED = new Balanced();

    /** The text form: "standard", "small:F", "balanced" or "from:FILE". */
    String label();

    /** He/LeCun Gaussian weights, zero biases. */
    record Standard() implements InitSpec {
        @Override
        public String label() {
            return "standard";
        }
    }

    /**
     * The standard network with every weight and bias multiplied by {@code factor}.
     *
     * @param factor F, positive and finite
     * @param text   F as written (kept so that the label reads as given: "small:1e-3" stays so); it must parse to
     *               {@code factor}
     */
    record Scaled(double factor, String text) implements InitSpec {
        public Scaled {
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "init small:F factor must be positive and finite, got %s", factor));
            }
            Objects.requireNonNull(text, "init small:F text");
            if (parseFactor(text) != factor) {
                throw new IllegalArgumentException("init small:F: '" + text + "' is not the factor " + factor);
            }
        }

        /** F written as {@link Double#toString(double)}. */
        public static Scaled of(double factor) {
            return new Scaled(factor, Double.toString(factor));
        }

        @Override
        public String label() {
            return SMALL + text;
        }

        private static double parseFactor(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("init: expected small:F with a number F, got '" + SMALL + text + "'");
            }
        }
    }

    /** A balanced deep linear chain (identity activations, no biases). */
    record Balanced() implements InitSpec {
        @Override
        public String label() {
            return "balanced";
        }
    }

    /** The network saved in {@code file} by {@link NetworkFile}. */
    record FromFile(Path file) implements InitSpec {
        public FromFile {
            Objects.requireNonNull(file, "init from:FILE file");
        }

        @Override
        public String label() {
            return FROM + file;
        }
    }

    /**
     * Parses the text form (surrounding blanks ignored): "standard", "small:F" with a number F &gt; 0, "balanced" or
     * "from:FILE".
     *
     * @throws IllegalArgumentException naming the field {@code init}, e.g. "init: unknown 'large' (standard, small:F,
     *                                  balanced, from:FILE)"
     */
    static InitSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("init: missing");
        }
        String s = text.strip();
        if (s.equals("standard")) {
            return STANDARD;
        }
        if (s.equals("balanced")) {
            return BALANCED;
        }
        if (s.startsWith(FROM)) {
            String file = s.substring(FROM.length());
            if (file.isBlank()) {
                throw new IllegalArgumentException("init: expected from:FILE with a saved network file, got '" + s + "'");
            }
            return new FromFile(Path.of(file));
        }
        if (s.startsWith(SMALL)) {
            String f = s.substring(SMALL.length());
            return new Scaled(Scaled.parseFactor(f), f);
        }
        throw new IllegalArgumentException("init: unknown '" + s + "' (standard, small:F, balanced, from:FILE)");
    }
}
