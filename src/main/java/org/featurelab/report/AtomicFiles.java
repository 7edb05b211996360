package org.featurelab.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Atomic file replacement: write a temp file in the target's directory, then rename it over the target. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} so that readers see either the old file or the complete new one.
     * Creates missing parent directories; on any failure the temp file is deleted and the target is untouched.
     */
    static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                // createTempFile makes the file owner-only (0600); a report is an ordinary file (0644)
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
