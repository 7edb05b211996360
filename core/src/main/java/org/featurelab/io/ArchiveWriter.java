package org.featurelab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the ZIP layout documented on {@link ModelArchive}. Two passes over each array (hash and CRC,
 * then the bytes) in 64 KiB chunks, so no array is ever duplicated in memory. Output is byte-for-byte
 * reproducible: fixed entry times, fixed entry order, stable JSON.
 */
final class ArchiveWriter {
    static final String MANIFEST = "manifest.json";
    static final String CHECKSUM = "checksum.sha256";
    static final String ARRAY_PREFIX = "arrays/";
    static final String ARRAY_SUFFIX = ".f64";
    static final String DTYPE = "float64-le";
    /** Entry time of every entry: the DOS epoch, in local-time fields so the bytes do not depend on the zone. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** Hash, CRC and size of one encoded array, computed before it is written. */
    private record Encoded(String name, Matrix matrix, String sha256, long crc, long bytes) {
    }

    private ArchiveWriter() {
    }

    /** The entry name of an array. */
    static String arrayEntry(String name) {
        return ARRAY_PREFIX + name + ARRAY_SUFFIX;
    }

    /**
     * Writes {@code archive} to {@code out}, declaring {@code formatVersion} in the manifest. Callers other
     * than tests pass {@link ModelArchive#CURRENT_FORMAT_VERSION}; tests pass a newer one to exercise the
     * reader's refusal.
     */
    static void write(Path out, ModelArchive archive, int formatVersion) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(archive, "archive");
        List<Encoded> encoded = new ArrayList<>();
        for (Map.Entry<String, Matrix> e : archive.arraysView().entrySet()) {
            encoded.add(measure(e.getKey(), e.getValue()));
        }
        byte[] manifest = Json.toBytes(manifestJson(archive, formatVersion, encoded));
        AtomicFiles.write(out, temp -> writeZip(temp, manifest, encoded));
    }

    private static Encoded measure(String name, Matrix m) {
        MessageDigest md = Digests.sha256();
        CRC32 crc = new CRC32();
        ArrayCodec.forEachChunk(m.data(), (b, off, len) -> {
            md.update(b, off, len);
            crc.update(b, off, len);
        });
        return new Encoded(name, m, Digests.hex(md.digest()), crc.getValue(), ArrayCodec.byteLength(m.data().length));
    }

    private static ObjectNode manifestJson(ModelArchive archive, int formatVersion, List<Encoded> encoded) {
        ObjectNode root = Json.object();
        root.put("format", ModelArchive.FORMAT);
        root.put("formatVersion", formatVersion);
        root.setAll(archive.manifestView());
        root.set("provenance", archive.provenance().toJson());
        ArrayNode arrays = root.putArray("arrays");
        for (Encoded e : encoded) {
            ObjectNode a = arrays.addObject();
            a.put("name", e.name());
            a.put("rows", e.matrix().rows());
            a.put("cols", e.matrix().cols());
            a.put("dtype", DTYPE);
            a.put("sha256", e.sha256());
        }
        return root;
    }

    private static void writeZip(Path file, byte[] manifest, List<Encoded> encoded) throws IOException {
        MessageDigest whole = Digests.sha256();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), ArrayCodec.CHUNK_BYTES);
             ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
            zip.putNextEntry(deflated(MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            whole.update(manifest);
            for (Encoded e : encoded) {
                ZipEntry entry = new ZipEntry(arrayEntry(e.name()));
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.bytes());
                entry.setCompressedSize(e.bytes());
                entry.setCrc(e.crc());
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                ArrayCodec.encode(e.matrix().data(), (b, off, len) -> {
                    zip.write(b, off, len);
                    whole.update(b, off, len);
                });
                zip.closeEntry();
            }
            zip.putNextEntry(deflated(CHECKSUM));
            zip.write((Digests.hex(whole.digest()) + "\n").getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
    }

    private static ZipEntry deflated(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }
}
