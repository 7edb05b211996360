package org.featurelab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Temp-and-rename writing: complete files or none, never a stray temporary file. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesThroughAHiddenTempFileInTheSameDirectory() throws IOException {
        Path target = dir.resolve("table.csv");
        Path[] seen = new Path[1];
        AtomicFiles.write(target, temp -> {
            seen[0] = temp;
            assertEquals(dir.toAbsolutePath(), temp.getParent());
            assertTrue(temp.getFileName().toString().startsWith(".table.csv."), temp.toString());
            assertTrue(temp.getFileName().toString().endsWith(".tmp"), temp.toString());
            try (Writer w = Files.newBufferedWriter(temp)) {
                w.write("a,b\n1,2\n");
            }
        });
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertFalse(Files.exists(seen[0]));
        assertEquals(List.of("table.csv"), listing());
    }

    @Test
    void missingDirectoryFailsCleanly() throws IOException {
        Path target = dir.resolve("absent").resolve("out.json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.writeString(target, "{}"));
        assertEquals("cannot write " + target + ": directory " + dir.toAbsolutePath().resolve("absent")
                + " does not exist", e.getMessage());
        UncheckedIOException model = assertThrows(UncheckedIOException.class,
                () -> ModelArchive.write(dir.resolve("absent").resolve("m.flm"), ArchiveFixtures.archive()));
        assertTrue(model.getMessage().startsWith("cannot write " + dir.resolve("absent").resolve("m.flm")),
                model.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void failingWriterLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("plot.png");
        UncheckedIOException io = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, temp -> {
            Files.writeString(temp, "half a plot");
            throw new IOException("disk full");
        }));
        assertEquals("cannot write " + target + ": disk full", io.getMessage());
        IllegalStateException bug = new IllegalStateException("renderer bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, temp -> {
            Files.writeString(temp, "half a plot");
            throw bug;
        })));
        assertEquals(List.of(), listing());
    }

    @Test
    void existingTargetIsReplacedOnlyOnSuccess() throws IOException {
        Path target = dir.resolve("report.html");
        AtomicFiles.writeString(target, "old");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, temp -> {
            Files.writeString(temp, "partial");
            throw new IOException("interrupted");
        }));
        assertEquals("old", Files.readString(target));
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("report.html"), listing());
    }

    @Test
    void aDirectoryIsNotATarget() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.writeString(dir, "x"));
        assertEquals("cannot write " + dir + ": it is a directory", e.getMessage());
    }

    private List<String> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
