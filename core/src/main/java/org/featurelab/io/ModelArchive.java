package org.featurelab.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A model-agnostic, versioned, checksummed model file ({@code .flm}): a JSON manifest, a
 * {@link Provenance} record, and named dense arrays. Model layers map their fitted state onto it; this
 * class knows nothing about any model.
 *
 * <p><b>File layout (format version 1).</b> A ZIP archive with, in this order:
 * <ul>
 *   <li>{@code manifest.json} (deflated, UTF-8, pretty JSON as written by {@link Json}):
 *   <pre>{@code
 * {
 *   "format": "featurelab-model",
 *   "formatVersion": 1,
 *   ...the caller's manifest fields, in their order...,
 *   "provenance": { ...Provenance.toJson()... },
 *   "arrays": [
 *     { "name": "M", "rows": 7, "cols": 7, "dtype": "float64-le", "sha256": "3a7bd3e2..." }
 *   ]
 * }
 *   }</pre></li>
 *   <li>one stored (uncompressed) entry {@code arrays/<name>.f64} per array, in manifest order:
 *   {@code rows·cols} IEEE-754 doubles, little-endian, row-major, no header;</li>
 *   <li>{@code checksum.sha256}: hex SHA-256 of the manifest bytes followed by every array's bytes in
 *   manifest order, and a newline.</li>
 * </ul>
 * The keys {@code format}, {@code formatVersion}, {@code provenance} and {@code arrays} are reserved: the
 * caller's manifest may not use them, and {@link #manifest()} returns the caller's fields only.
 *
 * <p><b>Versions.</b> {@link #write} always writes {@link #CURRENT_FORMAT_VERSION}. {@link #read} reads
 * every version up to it, dispatching on the file's version, and refuses newer files with an "upgrade"
 * message. A frozen version-1 file under {@code src/test/resources/io/} keeps the version-1 reader honest.
 * Version 2 (issue 14) has version 1's layout; it is a new number because it may hold a model kind that version-1
 * readers do not know (the tree-partitioned RFM), so that they refuse it with the upgrade message instead of a
 * confusing "unknown kind". Version 3 (issue 12) is the same again for the ensemble of kernel machines.
 *
 * <p><b>Immutability.</b> Arrays are copied on the way in and handed out as copies; the manifest likewise.
 */
public final class ModelArchive {
    /** The format version this library writes, and the newest it reads. */
    public static final int CURRENT_FORMAT_VERSION = 3;
    /** The value of the manifest's {@code "format"} key. */
    public static final String FORMAT = "featurelab-model";
    /** Conventional file extension of model files. */
    public static final String EXTENSION = ".flm";
    /** Manifest keys owned by the container. */
    public static final Set<String> RESERVED_KEYS = Set.of("format", "formatVersion", "provenance", "arrays");

    private static final Pattern ARRAY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final int formatVersion;
    private final ObjectNode manifest;
    private final Provenance provenance;
    private final Map<String, Matrix> arrays;

    private ModelArchive(int formatVersion, ObjectNode manifest, Provenance provenance, Map<String, Matrix> arrays) {
        this.formatVersion = formatVersion;
        this.manifest = manifest;
        this.provenance = provenance;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /**
     * A new archive in the current format. Copies the manifest and every array (cost: one pass over the
     * data).
     *
     * @param manifest   the caller's fields (model kind, hyper-parameters, feature names...); may not use
     *                   {@link #RESERVED_KEYS}
     * @param provenance where the model came from
     * @param arrays     named arrays in the order they should be stored; names match
     *                   {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}
     * @throws IllegalArgumentException on a reserved key or an invalid array name
     */
    public static ModelArchive of(ObjectNode manifest, Provenance provenance, Map<String, Matrix> arrays) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(arrays, "arrays");
        for (String key : RESERVED_KEYS) {
            if (manifest.has(key)) {
                throw new IllegalArgumentException("model archive: manifest key '" + key
                        + "' is reserved (reserved: format, formatVersion, provenance, arrays)");
            }
        }
        Map<String, Matrix> copies = new LinkedHashMap<>();
        arrays.forEach((name, m) -> {
            checkArrayName(name);
            copies.put(name, Objects.requireNonNull(m, "array " + name).copy());
        });
        return new ModelArchive(CURRENT_FORMAT_VERSION, manifest.deepCopy(), provenance, copies);
    }

    /** Used by the readers: takes ownership of freshly decoded values without copying. */
    static ModelArchive decoded(int formatVersion, ObjectNode manifest, Provenance provenance,
                                LinkedHashMap<String, Matrix> arrays) {
        return new ModelArchive(formatVersion, manifest, provenance, arrays);
    }

    /** Throws {@link IllegalArgumentException} unless {@code name} is a valid array name. */
    static void checkArrayName(String name) {
        if (name == null || !ARRAY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model archive: invalid array name '" + name
                    + "' (use letters, digits, '_', '.', '-'; at most 128 characters)");
        }
    }

    /**
     * Writes {@code archive} to {@code out} in the current format, atomically: the file appears complete or
     * not at all, and an existing file is replaced only on success.
     *
     * @throws java.io.UncheckedIOException naming {@code out} when it cannot be written (e.g. its directory
     *                                      does not exist)
     */
    public static void write(Path out, ModelArchive archive) {
        ArchiveWriter.write(out, archive, CURRENT_FORMAT_VERSION);
    }

    /**
     * Reads and fully validates a model file: ZIP structure and CRCs, the format marker and version, every
     * array's declared shape and SHA-256, and the whole-file checksum.
     *
     * @throws IllegalArgumentException one sentence naming the file: no such file, not a featurelab model,
     *                                  truncated, corrupted, invalid manifest, or newer format version
     */
    public static ModelArchive read(Path in) {
        return ArchiveReader.read(in);
    }

    /** The format version of the file this archive was read from, or {@link #CURRENT_FORMAT_VERSION}. */
    public int formatVersion() {
        return formatVersion;
    }

    /** The caller's manifest fields, without the reserved keys (a copy). */
    public ObjectNode manifest() {
        return manifest.deepCopy();
    }

    /** Where the model came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** The array names in storage order. */
    public List<String> arrayNames() {
        return List.copyOf(arrays.keySet());
    }

    /** True when an array of that name is stored. */
    public boolean hasArray(String name) {
        return arrays.containsKey(name);
    }

    /**
     * The named array (a copy the caller owns).
     *
     * @throws IllegalArgumentException naming the stored arrays when there is none of that name
     */
    public Matrix array(String name) {
        Matrix m = arrays.get(name);
        if (m == null) {
            throw new IllegalArgumentException("model archive: no array '" + name + "' (arrays: "
                    + String.join(", ", arrays.keySet()) + ")");
        }
        return m.copy();
    }

    /** All arrays in storage order (copies; the map is unmodifiable). */
    public Map<String, Matrix> arrays() {
        Map<String, Matrix> out = new LinkedHashMap<>();
        arrays.forEach((name, m) -> out.put(name, m.copy()));
        return Collections.unmodifiableMap(out);
    }

    /** Read-only view for the writer, which only reads the values. */
    Map<String, Matrix> arraysView() {
        return arrays;
    }

    /** The manifest without copying, for the writer. */
    ObjectNode manifestView() {
        return manifest;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ModelArchive v" + formatVersion + " [");
        String sep = "";
        for (Map.Entry<String, Matrix> e : arrays.entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(e.getValue().shape());
            sep = ", ";
        }
        return sb.append(']').toString();
    }
}
