package org.featurelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on output paths, made before any long work so that a typo fails fast. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Fails unless {@code out} can be written by {@link org.featurelab.io.AtomicFiles}: its directory exists
     * and it is not itself a directory.
     *
     * @param option the option that named the file, for the message (e.g. {@code --out})
     */
    static void requireWritable(Path out, String option) {
        Path absolute = out.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + out + " is a directory; give a file name");
        }
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + out + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException(option + " " + out + ": directory " + dir + " is not writable");
        }
    }

    /** Fails unless {@code in} is an existing regular file. */
    static void requireReadable(Path in, String option) {
        if (!Files.exists(in)) {
            throw new IllegalArgumentException(option + " " + in + ": no such file");
        }
        if (Files.isDirectory(in)) {
            throw new IllegalArgumentException(option + " " + in + " is a directory, not a file");
        }
    }
}
