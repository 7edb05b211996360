package org.featurelab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing and reading back model archives, and the on-disk layout the format promises. */
class ModelArchiveRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsBitIdentical() {
        ModelArchive original = ArchiveFixtures.archive();
        Path file = dir.resolve("model.flm");
        ModelArchive.write(file, original);
        ModelArchive back = ModelArchive.read(file);

        assertEquals(ModelArchive.CURRENT_FORMAT_VERSION, back.formatVersion());
        assertEquals(List.of("empty", "scalar", "special", "X"), back.arrayNames());
        for (Map.Entry<String, Matrix> e : ArchiveFixtures.arrays().entrySet()) {
            Matrix got = back.array(e.getKey());
            assertEquals(e.getValue().shape(), got.shape(), e.getKey());
            assertArrayEquals(ArchiveFixtures.bits(e.getValue()), ArchiveFixtures.bits(got), e.getKey());
        }
        assertEquals(ArchiveFixtures.manifest(), back.manifest());
        assertEquals(ArchiveFixtures.provenance(), back.provenance());
        assertEquals("laplace", back.provenance().configuration().get("kernel").asText());
    }

    @Test
    void writingIsDeterministicAndReplacesAtomically() throws Exception {
        Path a = dir.resolve("a.flm");
        Path b = dir.resolve("b.flm");
        ModelArchive.write(a, ArchiveFixtures.archive());
        ModelArchive.write(b, ArchiveFixtures.archive());
        assertEquals(-1L, Files.mismatch(a, b));

        ModelArchive other = ModelArchive.of(Json.object(), ArchiveFixtures.provenance(),
                Map.of("w", Matrix.wrap(1, 2, new double[] {1, 2})));
        ModelArchive.write(a, other);
        assertEquals(List.of("w"), ModelArchive.read(a).arrayNames());
        try (var listing = Files.list(dir)) {
            assertEquals(List.of("a.flm", "b.flm"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** Re-derives every hash of the layout documented on {@link ModelArchive} from the raw entries. */
    @Test
    void layoutMatchesTheDocumentedFormat() throws Exception {
        Path file = dir.resolve("layout.flm");
        ModelArchive.write(file, ArchiveFixtures.archive());
        Map<String, byte[]> entries = ZipSurgery.entries(file);
        assertEquals(List.of("manifest.json", "arrays/empty.f64", "arrays/scalar.f64", "arrays/special.f64",
                "arrays/X.f64", "checksum.sha256"), List.copyOf(entries.keySet()));

        byte[] manifestBytes = entries.get("manifest.json");
        JsonNode manifest = Json.parse(manifestBytes, "manifest");
        assertEquals(List.of("format", "formatVersion", "model", "note", "provenance", "arrays"),
                iteratorToList(manifest.fieldNames()));
        assertEquals("featurelab-model", manifest.get("format").asText());
        assertEquals(ModelArchive.CURRENT_FORMAT_VERSION, manifest.get("formatVersion").asInt());
        assertEquals(ArchiveFixtures.provenance().toJson().toString(), manifest.get("provenance").toString());

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(manifestBytes);
        int i = 0;
        for (Map.Entry<String, Matrix> e : ArchiveFixtures.arrays().entrySet()) {
            byte[] expected = littleEndian(e.getValue().data());
            assertArrayEquals(expected, entries.get("arrays/" + e.getKey() + ".f64"), e.getKey());
            JsonNode info = manifest.get("arrays").get(i++);
            assertEquals(e.getKey(), info.get("name").asText());
            assertEquals(e.getValue().rows(), info.get("rows").asInt());
            assertEquals(e.getValue().cols(), info.get("cols").asInt());
            assertEquals("float64-le", info.get("dtype").asText());
            assertEquals(Digests.sha256Hex(expected), info.get("sha256").asText());
            all.write(expected);
        }
        assertEquals(Digests.sha256Hex(all.toByteArray()) + "\n",
                new String(entries.get("checksum.sha256"), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void archiveIsImmutable() {
        Matrix source = Matrix.wrap(1, 2, new double[] {1, 2});
        ObjectNode manifest = Json.object().put("k", 1);
        ModelArchive archive = ModelArchive.of(manifest, ArchiveFixtures.provenance(), Map.of("w", source));
        source.set(0, 0, 99);
        manifest.put("k", 2);
        archive.array("w").set(0, 1, 42);
        archive.manifest().put("k", 3);
        assertArrayEquals(new double[] {1, 2}, archive.array("w").data(), 0.0);
        assertEquals(1, archive.manifest().get("k").asInt());
        assertThrows(UnsupportedOperationException.class, () -> archive.arrays().clear());
    }

    @Test
    void rejectsReservedKeysAndBadArrayNames() {
        Provenance p = ArchiveFixtures.provenance();
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.of(Json.object().put("formatVersion", 9), p, Map.of()));
        assertTrue(reserved.getMessage().contains("'formatVersion' is reserved"), reserved.getMessage());
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                () -> ModelArchive.of(Json.object(), p, Map.of("../evil", Matrix.zeros(1, 1))));
        assertTrue(badName.getMessage().contains("invalid array name '../evil'"), badName.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ArchiveFixtures.archive().array("W"));
        assertEquals("model archive: no array 'W' (arrays: empty, scalar, special, X)", missing.getMessage());
    }

    private static byte[] littleEndian(double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buf.putLong(Double.doubleToRawLongBits(v));
        }
        return buf.array();
    }

    private static List<String> iteratorToList(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
