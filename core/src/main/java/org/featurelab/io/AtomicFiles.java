package org.featurelab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Writes output files by temp-and-rename, so that a reader never sees a half-written file and a failed
 * run never leaves one behind.
 *
 * <p>Every output of featurelab (models, JSON manifests, CSV tables, PNG plots, HTML reports) goes through
 * {@link #write}: the content is written to a hidden temporary file {@code .<name>.<random>.tmp} in the
 * target's own directory (same file system, so the rename cannot degrade into a copy), flushed to disk,
 * then moved onto the target with {@code ATOMIC_MOVE} and {@code REPLACE_EXISTING} (a plain replacing move
 * where the file system has no atomic move). On any failure the temporary file is deleted and an existing
 * target is left untouched. Parent directories are not created: a missing directory is an error.
 *
 * <p>The temporary file is created empty before the writer runs, with the default permissions of a new
 * file (not the owner-only permissions of {@link Files#createTempFile}); writers may reopen it with
 * truncation, as {@link Files#newOutputStream(Path, java.nio.file.OpenOption...)} does by default.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} by calling {@code writerToTemp} on a temporary file next to it and renaming that
     * file onto {@code target} once the writer has returned normally.
     *
     * @param target       the file to create or replace; its directory must exist
     * @param writerToTemp writes the complete content into the path it is given
     * @throws UncheckedIOException naming {@code target} when the temporary file cannot be created, the
     *                              writer throws {@link IOException}, or the rename fails
     * @throws RuntimeException     whatever unchecked exception the writer throws, after cleaning up
     */
    public static void write(Path target, IOConsumer<Path> writerToTemp) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(writerToTemp, "writerToTemp");
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("cannot write " + target + ": not a file path");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("cannot write " + target + ": it is a directory");
        }
        Path temp = createTemp(target, dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            writerToTemp.accept(temp);
            forceToDisk(temp);
            moveIntoPlace(temp, absolute);
            moved = true;
        } catch (IOException e) {
            throw failure(target, dir, e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /** Writes {@code bytes} to {@code target} atomically; see {@link #write}. */
    public static void writeBytes(Path target, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        write(target, temp -> Files.write(temp, bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically; see {@link #write}. */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path createTemp(Path target, Path dir, String name) {
        IOException last = null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            byte[] nonce = new byte[6];
            RANDOM.nextBytes(nonce);
            Path temp = dir.resolve("." + name + "." + HexFormat.of().formatHex(nonce) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                last = e;
            } catch (IOException e) {
                throw failure(target, dir, e);
            }
        }
        throw failure(target, dir, last);
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the original failure is the one worth reporting
        }
    }

    private static UncheckedIOException failure(Path target, Path dir, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException && !Files.isDirectory(dir)) {
            reason = "directory " + dir + " does not exist";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new UncheckedIOException("cannot write " + target + ": " + reason, e);
    }
}
