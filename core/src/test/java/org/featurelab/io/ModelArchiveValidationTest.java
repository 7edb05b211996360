package org.featurelab.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every way a model file can be wrong ends in one IllegalArgumentException sentence naming the file. */
class ModelArchiveValidationTest {
    @TempDir
    Path dir;
    private Path good;
    private byte[] goodBytes;

    @BeforeEach
    void writeGoodArchive() throws IOException {
        good = dir.resolve("good.flm");
        ModelArchive.write(good, ArchiveFixtures.archive());
        goodBytes = Files.readAllBytes(good);
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("x.flm");
        assertEquals("no such model file: " + missing, readFailure(missing));
    }

    @Test
    void notAZipFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.flm"), "fitted model, honest\n");
        assertEquals("model file " + text + " is not a featurelab model (it is not a ZIP archive)", readFailure(text));
        Path empty = Files.write(dir.resolve("empty.flm"), new byte[0]);
        assertEquals("model file " + empty + " is empty", readFailure(empty));
        assertEquals("model file " + dir + " is a directory, not a file", readFailure(dir));
    }

    @Test
    void zipWithoutManifestIsNotAModel() throws IOException {
        Path zip = dir.resolve("other.zip");
        ZipSurgery.write(zip, Map.of("readme.txt", "hi".getBytes(StandardCharsets.UTF_8)));
        assertEquals("model file " + zip + " is not a featurelab model (it has no manifest.json entry)",
                readFailure(zip));
        Path foreign = dir.resolve("foreign.flm");
        ZipSurgery.write(foreign, Map.of("manifest.json", "{\"format\": \"other\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(readFailure(foreign).contains("is not a featurelab model"));
    }

    @Test
    void truncatedFile() throws IOException {
        Path half = Files.write(dir.resolve("half.flm"), Arrays.copyOf(goodBytes, goodBytes.length / 2));
        assertEquals("model file " + half + " is truncated (the ZIP directory at its end is missing)", readFailure(half));
    }

    @Test
    void payloadEditedWithValidZipCrcFailsTheHash() throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(good);
        entries.get("arrays/X.f64")[100] ^= 0x01;
        Path edited = dir.resolve("edited.flm");
        ZipSurgery.write(edited, entries);
        assertEquals("model file " + edited + " is corrupted (array 'X' does not match its SHA-256 checksum in the manifest)",
                readFailure(edited));
    }

    @Test
    void manifestEditedWithValidZipCrcFailsTheChecksum() throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(good);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        entries.put("manifest.json", manifest.replace("\"rfm\"", "\"nn\"").getBytes(StandardCharsets.UTF_8));
        Path edited = dir.resolve("edited.flm");
        ZipSurgery.write(edited, entries);
        String message = readFailure(edited);
        assertTrue(message.startsWith("model file " + edited + " is corrupted (checksum mismatch"), message);
    }

    @Test
    void rawByteFlipInsidePayloadIsCorruption() throws IOException {
        byte[] payload = ZipSurgery.entries(good).get("arrays/X.f64");
        int at = indexOf(goodBytes, Arrays.copyOf(payload, 32));
        assertTrue(at > 0, "stored payload located in the file");
        byte[] flipped = goodBytes.clone();
        flipped[at + 200] ^= 0x10;
        Path file = Files.write(dir.resolve("flipped.flm"), flipped);
        assertEquals("model file " + file + " is corrupted (ZIP CRC mismatch in entry arrays/X.f64)", readFailure(file));
    }

    /** Flips bytes all over the file and truncates it everywhere: never anything but a clean outcome. */
    @Test
    void noDamageEscapesAsAnotherException() throws IOException {
        Path file = dir.resolve("fuzz.flm");
        int detected = 0;
        for (int i = 0; i < goodBytes.length; i += 5) {
            byte[] damaged = goodBytes.clone();
            damaged[i] ^= (byte) 0xA5;
            Files.write(file, damaged);
            try {
                ModelArchive back = ModelArchive.read(file);
                assertArrayEquals(ArchiveFixtures.bits(ArchiveFixtures.arrays().get("X")),
                        ArchiveFixtures.bits(back.array("X")), "undetected flip at " + i + " changed data");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().startsWith("model file " + file + " "), e.getMessage());
                detected++;
            } catch (RuntimeException e) {
                fail("flip at byte " + i + " escaped as " + e);
            }
        }
        assertTrue(detected > goodBytes.length / 5 / 2, "most flips detected: " + detected);
        for (int length = 1; length < goodBytes.length; length += 37) {
            Files.write(file, Arrays.copyOf(goodBytes, length));
            String message = readFailure(file);
            assertTrue(message.contains("truncated") || message.contains("corrupt")
                    || message.contains("not a ZIP"), "length " + length + ": " + message);
        }
    }

    @Test
    void declaredShapeMustMatchArrayLength() throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(good);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        entries.put("manifest.json", manifest.replace("\"rows\": 50", "\"rows\": 49").getBytes(StandardCharsets.UTF_8));
        Path edited = dir.resolve("shape.flm");
        ZipSurgery.write(edited, entries);
        assertEquals("model file " + edited + " is corrupted (array 'X' holds 2800 bytes but its declared shape "
                + "49x7 needs 2744)", readFailure(edited));
    }

    @Test
    void missingAndUnexpectedEntries() throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(good);
        entries.remove("arrays/scalar.f64");
        Path noArray = dir.resolve("no-array.flm");
        ZipSurgery.write(noArray, entries);
        assertEquals("model file " + noArray + " is corrupted (entry arrays/scalar.f64 is missing)", readFailure(noArray));

        Map<String, byte[]> noChecksum = ZipSurgery.entries(good);
        noChecksum.remove("checksum.sha256");
        Path file = dir.resolve("no-checksum.flm");
        ZipSurgery.write(file, noChecksum);
        assertEquals("model file " + file + " is corrupted (entry checksum.sha256 is missing)", readFailure(file));

        Map<String, byte[]> extra = ZipSurgery.entries(good);
        extra.put("arrays/ghost.f64", new byte[8]);
        Path withExtra = dir.resolve("extra.flm");
        ZipSurgery.write(withExtra, extra);
        assertEquals("model file " + withExtra + " is corrupted (unexpected entry arrays/ghost.f64)", readFailure(withExtra));
    }

    @Test
    void newerFormatVersionAsksForAnUpgrade() {
        Path newer = dir.resolve("newer.flm");
        ArchiveWriter.write(newer, ArchiveFixtures.archive(), ModelArchive.CURRENT_FORMAT_VERSION + 1);
        assertEquals(3, ModelArchive.CURRENT_FORMAT_VERSION, "version 3 (issue 12) adds the ensemble kind");
        assertEquals("model file " + newer + " has format version 4; this featurelab reads versions up to 3"
                + " — upgrade featurelab", readFailure(newer));
    }

    @Test
    void invalidManifestFieldsAreNamed() throws IOException {
        Map<String, byte[]> entries = ZipSurgery.entries(good);
        ObjectNode manifest = (ObjectNode) Json.parse(entries.get("manifest.json"), "manifest");
        manifest.remove("provenance");
        entries.put("manifest.json", Json.toBytes(manifest));
        entries.put("checksum.sha256", (recomputedChecksum(entries) + "\n").getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("no-provenance.flm");
        ZipSurgery.write(file, entries);
        assertEquals("model file " + file + " has an invalid manifest (provenance: expected a JSON object)",
                readFailure(file));
    }

    @Test
    void zeroVersionIsInvalid() throws IOException {
        Path file = dir.resolve("v0.flm");
        ArchiveWriter.write(file, ModelArchive.of(Json.object(), ArchiveFixtures.provenance(),
                Map.of("a", Matrix.zeros(1, 1))), 0);
        assertEquals("model file " + file + " has an invalid manifest (formatVersion is 0; versions start at 1)", readFailure(file));
    }

    private static String readFailure(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> ModelArchive.read(file)).getMessage();
    }

    /** The whole-file checksum over the manifest and the arrays in manifest order (all tests keep file order). */
    private static String recomputedChecksum(Map<String, byte[]> entries) {
        var md = Digests.sha256();
        md.update(entries.get("manifest.json"));
        new LinkedHashMap<>(entries).forEach((name, bytes) -> {
            if (name.startsWith("arrays/")) {
                md.update(bytes);
            }
        });
        return Digests.hex(md.digest());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
