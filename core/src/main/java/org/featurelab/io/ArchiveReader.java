package org.featurelab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads and validates model files. Every failure becomes one {@link IllegalArgumentException} sentence
 * naming the file; no ZIP, EOF or JSON exception escapes. The ZIP container and the manifest's
 * {@code format}/{@code formatVersion} are read the same way for every version; the rest is dispatched on
 * the version ({@link #readV1}), so that a later reader keeps reading older files.
 */
final class ArchiveReader {
    private static final long MAX_MANIFEST_BYTES = 64L << 20;
    private static final long MAX_CHECKSUM_BYTES = 1024;
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** End-of-central-directory record: 22 bytes plus a comment of at most 65535. */
    private static final int EOCD_SEARCH = 22 + 0xFFFF;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final String name;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private ArchiveReader(String name, ZipFile zip, Map<String, ZipEntry> entries) {
        this.name = name;
        this.zip = zip;
        this.entries = entries;
    }

    static ModelArchive read(Path in) {
        String name = Objects.requireNonNull(in, "in").toString();
        if (!Files.exists(in)) {
            throw new IllegalArgumentException("no such model file: " + name);
        }
        if (Files.isDirectory(in)) {
            throw new IllegalArgumentException("model file " + name + " is a directory, not a file");
        }
        sniff(in, name);
        ZipFile zip;
        try {
            zip = new ZipFile(in.toFile(), StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read model file " + name + ": permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("model file " + name + " is corrupted (unreadable ZIP directory: "
                    + e.getMessage() + ")", e);
        }
        try {
            return new ArchiveReader(name, zip, listEntries(zip, name)).readAnyVersion();
        } finally {
            try {
                zip.close();
            } catch (IOException e) {
                // nothing was written; the outcome of the read stands
            }
        }
    }

    /** Tells a non-ZIP file and a truncated ZIP apart before handing the file to {@link ZipFile}. */
    private static void sniff(Path in, String name) {
        try (SeekableByteChannel ch = Files.newByteChannel(in)) {
            long size = ch.size();
            if (size == 0) {
                throw new IllegalArgumentException("model file " + name + " is empty");
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(4, size));
            readFully(ch, head);
            byte[] h = head.array();
            boolean zipMagic = h.length == 4 && h[0] == 'P' && h[1] == 'K'
                    && ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6));
            if (!zipMagic) {
                throw new IllegalArgumentException("model file " + name
                        + " is not a featurelab model (it is not a ZIP archive)");
            }
            int tailLength = (int) Math.min(size, EOCD_SEARCH);
            ByteBuffer tail = ByteBuffer.allocate(tailLength);
            ch.position(size - tailLength);
            readFully(ch, tail);
            if (!hasEndOfDirectory(tail.array())) {
                throw new IllegalArgumentException("model file " + name
                        + " is truncated (the ZIP directory at its end is missing)");
            }
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read model file " + name + ": permission denied", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read model file " + name + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (ch.read(buffer) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
    }

    private static boolean hasEndOfDirectory(byte[] tail) {
        for (int i = tail.length - 22; i >= 0; i--) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 5 && tail[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, ZipEntry> listEntries(ZipFile zip, String name) {
        Map<String, ZipEntry> out = new LinkedHashMap<>();
        String duplicate = null;
        try {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (out.put(entry.getName(), entry) != null) {
                    duplicate = entry.getName();
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("model file " + name + " is corrupted (unreadable ZIP directory: "
                    + e.getMessage() + ")", e);
        }
        if (duplicate != null) {
            throw corrupted(name, "entry " + duplicate + " appears twice");
        }
        return out;
    }

    private ModelArchive readAnyVersion() {
        ZipEntry manifestEntry = entries.get(ArchiveWriter.MANIFEST);
        if (manifestEntry == null) {
            throw new IllegalArgumentException("model file " + name
                    + " is not a featurelab model (it has no " + ArchiveWriter.MANIFEST + " entry)");
        }
        byte[] manifestBytes = readSmallEntry(manifestEntry, MAX_MANIFEST_BYTES);
        JsonNode parsed;
        try {
            parsed = Json.parse(manifestBytes, ArchiveWriter.MANIFEST);
        } catch (IllegalArgumentException e) {
            throw corrupted(name, ArchiveWriter.MANIFEST + " is not valid JSON");
        }
        JsonNode format = parsed.get("format");
        if (!parsed.isObject() || format == null || !ModelArchive.FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException("model file " + name + " is not a featurelab model (its manifest has no \"format\": \""
                    + ModelArchive.FORMAT + "\")");
        }
        ObjectNode manifest = (ObjectNode) parsed;
        int version = nonNegativeInt(manifest, "formatVersion", "the manifest's");
        if (version > ModelArchive.CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("model file " + name + " has format version " + version
                    + "; this featurelab reads versions up to " + ModelArchive.CURRENT_FORMAT_VERSION
                    + " — upgrade featurelab");
        }
        switch (version) {
            case 1:
            case 2: // version 2 keeps version 1's layout; it adds a model kind (tree-partitioned RFM) old readers lack
            case 3: // version 3 likewise; it adds the ensemble of kernel machines
                return readV1(version, manifest, manifestBytes);
            default:
                throw invalid("formatVersion is " + version + "; versions start at 1");
        }
    }

    /** Versions 1 to 3: the layout documented on {@link ModelArchive}. */
    private ModelArchive readV1(int version, ObjectNode manifest, byte[] manifestBytes) {
        LinkedHashMap<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        JsonNode list = manifest.get("arrays");
        if (list == null || !list.isArray()) {
            throw invalid("'arrays' is missing or not a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String where = "arrays[" + i + "]";
            if (!a.isObject() || !a.path("name").isTextual()) {
                throw invalid(where + " has no 'name'");
            }
            String arrayName = a.get("name").textValue();
            try {
                ModelArchive.checkArrayName(arrayName);
            } catch (IllegalArgumentException e) {
                throw invalid(where + " has an invalid name '" + arrayName + "'");
            }
            int rows = nonNegativeInt(a, "rows", where);
            int cols = nonNegativeInt(a, "cols", where);
            if ((long) rows * cols > MAX_ARRAY_LENGTH) {
                throw invalid(where + " has shape " + rows + "x" + cols + ", larger than one Java array");
            }
            if (!ArchiveWriter.DTYPE.equals(a.path("dtype").asText())) {
                throw invalid(where + " has dtype '" + a.path("dtype").asText() + "', expected '" + ArchiveWriter.DTYPE + "'");
            }
            String sha = a.path("sha256").asText();
            if (!SHA256_HEX.matcher(sha).matches()) {
                throw invalid(where + " has no valid 'sha256'");
            }
            if (shapes.put(arrayName, new int[] {rows, cols}) != null) {
                throw invalid("array '" + arrayName + "' is listed twice");
            }
            hashes.put(arrayName, sha);
        }
        checkEntrySet(shapes.keySet());

        MessageDigest whole = Digests.sha256();
        whole.update(manifestBytes);
        LinkedHashMap<String, Matrix> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            int rows = e.getValue()[0];
            int cols = e.getValue()[1];
            double[] data = readArray(e.getKey(), rows, cols, hashes.get(e.getKey()), whole);
            arrays.put(e.getKey(), Matrix.wrap(rows, cols, data));
        }
        String expected = new String(readSmallEntry(entries.get(ArchiveWriter.CHECKSUM), MAX_CHECKSUM_BYTES),
                StandardCharsets.US_ASCII).trim();
        if (!SHA256_HEX.matcher(expected).matches()) {
            throw corrupted(name, ArchiveWriter.CHECKSUM + " does not hold a SHA-256 hex digest");
        }
        String actual = Digests.hex(whole.digest());
        if (!expected.equals(actual)) {
            throw corrupted(name, "checksum mismatch: the file says " + expected.substring(0, 12)
                    + "…, its content hashes to " + actual.substring(0, 12) + "…");
        }

        Provenance provenance;
        try {
            provenance = Provenance.fromJson(manifest.get("provenance"));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        ObjectNode callerFields = manifest.deepCopy();
        callerFields.remove(ModelArchive.RESERVED_KEYS);
        return ModelArchive.decoded(version, callerFields, provenance, arrays);
    }

    private void checkEntrySet(Set<String> arrayNames) {
        Set<String> expected = new LinkedHashSet<>();
        expected.add(ArchiveWriter.MANIFEST);
        arrayNames.forEach(n -> expected.add(ArchiveWriter.arrayEntry(n)));
        expected.add(ArchiveWriter.CHECKSUM);
        for (String entry : expected) {
            if (!entries.containsKey(entry)) {
                throw corrupted(name, "entry " + entry + " is missing");
            }
        }
        for (String entry : entries.keySet()) {
            if (!expected.contains(entry)) {
                throw corrupted(name, "unexpected entry " + entry);
            }
        }
    }

    private double[] readArray(String arrayName, int rows, int cols, String sha256, MessageDigest whole) {
        ZipEntry entry = entries.get(ArchiveWriter.arrayEntry(arrayName));
        long need = ArrayCodec.byteLength((long) rows * cols);
        if (entry.getSize() != need) {
            throw corrupted(name, "array '" + arrayName + "' holds " + entry.getSize()
                    + " bytes but its declared shape " + rows + "x" + cols + " needs " + need);
        }
        MessageDigest own = Digests.sha256();
        CRC32 crc = new CRC32();
        double[] data;
        boolean extra;
        try (InputStream in = zip.getInputStream(entry)) {
            data = ArrayCodec.decode(in, rows * cols, (b, off, len) -> {
                crc.update(b, off, len);
                own.update(b, off, len);
                whole.update(b, off, len);
            });
            extra = data != null && in.read() >= 0;
        } catch (IOException | RuntimeException e) {
            throw corrupted(name, "unreadable ZIP data in entry " + entry.getName() + ": " + e.getMessage());
        }
        if (data == null || extra) {
            throw corrupted(name, "entry " + entry.getName() + " does not hold the " + need + " bytes its directory declares");
        }
        if (crc.getValue() != entry.getCrc()) {
            throw corrupted(name, "ZIP CRC mismatch in entry " + entry.getName());
        }
        if (!Digests.hex(own.digest()).equals(sha256)) {
            throw corrupted(name, "array '" + arrayName + "' does not match its SHA-256 checksum in the manifest");
        }
        return data;
    }

    private byte[] readSmallEntry(ZipEntry entry, long max) {
        if (entry.getSize() > max) {
            throw corrupted(name, "entry " + entry.getName() + " is implausibly large (" + entry.getSize() + " bytes)");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) max + 1);
        } catch (IOException | RuntimeException e) {
            throw corrupted(name, "unreadable ZIP data in entry " + entry.getName() + ": " + e.getMessage());
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (bytes.length != entry.getSize() || crc.getValue() != entry.getCrc()) {
            throw corrupted(name, "ZIP CRC mismatch in entry " + entry.getName());
        }
        return bytes;
    }

    private int nonNegativeInt(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt() || v.intValue() < 0) {
            throw invalid(where + " field '" + field + "' is missing or not a non-negative integer");
        }
        return v.intValue();
    }

    private IllegalArgumentException invalid(String detail) {
        return new IllegalArgumentException("model file " + name + " has an invalid manifest (" + detail + ")");
    }

    private static IllegalArgumentException corrupted(String name, String detail) {
        return new IllegalArgumentException("model file " + name + " is corrupted (" + detail + ")");
    }
}
