package org.featurelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the CLI in-process with captured streams, writes small test CSVs, and checks the error contract. */
final class CliRunner {
    private CliRunner() {
    }

    /** Exit code, stdout and stderr of one run. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e, env);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 0, asserting so with the streams in the message. */
    static Result ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    /**
     * The bad-input contract: exit 2, exactly one stderr line {@code featurelab: ...} containing {@code fragment},
     * no stack trace, nothing on stdout.
     */
    static void assertBadInput(Result r, String fragment) {
        assertEquals(2, r.code(), r::toString);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), r::toString);
        String line = lines.get(0);
        assertTrue(line.startsWith("featurelab: "), line);
        assertFalse(line.contains("Exception"), line);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertTrue(line.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT)),
                () -> "'" + fragment + "' in: " + line);
        assertEquals("", r.out(), r::toString);
    }

    /** The names of the entries of a directory (hidden temp files included). */
    static TreeSet<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Three well-separated Gaussian blobs in 4 dimensions with text labels {@code a, b, c} in column
     * {@code label}; the first feature carries the class, the others are noise around it.
     */
    static Path blobs(Path file, int rows, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("f0,f1,f2,f3,label\n");
        String[] labels = {"a", "b", "c"};
        for (int i = 0; i < rows; i++) {
            int k = i % 3;
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s%n", 3.0 * k + gauss(rng), 1.5 * k + gauss(rng),
                    gauss(rng), gauss(rng), labels[k]));
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    /** y = 2·x0 + sin(2·x1) + 0.05·noise, x ~ N(0, I_3), in column {@code y}. */
    static Path regression(Path file, int rows, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("x0,x1,x2,y\n");
        for (int i = 0; i < rows; i++) {
            double x0 = gauss(rng);
            double x1 = gauss(rng);
            double x2 = gauss(rng);
            double y = 2 * x0 + Math.sin(2 * x1) + 0.05 * gauss(rng);
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f%n", x0, x1, x2, y));
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
