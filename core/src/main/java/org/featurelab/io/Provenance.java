package org.featurelab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a fitted model (or a run's results) came from: enough to tell which code, data, settings and
 * machine produced it, and to reproduce it.
 *
 * <p>Stored in a model manifest under {@code "provenance"} as
 * <pre>{@code
 * {
 *   "libraryVersion": "0.1.0",
 *   "createdAt": "2025-01-01T12:00:00Z",
 *   "seed": 42,
 *   "dataFingerprint": "sha256:9f86d0...",
 *   "configuration": { "bandwidth": 10.0, "ridge": 0.001 },
 *   "commandLine": "featurelab fit --data train.csv",
 *   "javaVersion": "17.0.15+6 (Debian)",
 *   "os": "Linux 6.1.0 amd64",
 *   "nativeBlas": "OpenBLAS 0.3.31 (Haswell, 16 threads)"
 * }
 * }</pre>
 *
 * @param libraryVersion  featurelab version that wrote the record ({@link #currentLibraryVersion()}; "dev" outside a jar)
 * @param createdAt       creation instant, written as ISO-8601 UTC
 * @param seed            the master seed of the run
 * @param dataFingerprint identifies the training data, e.g. {@link Digests#fingerprint} or a file's SHA-256;
 *                        {@link #NO_DATA} for a run without one fingerprinted training data set
 * @param configuration   the model / run configuration as JSON; stored as it reads back from its JSON text (so
 *                        a record equals its {@link #fromJson} round trip) and handed out as a copy
 * @param commandLine     the command line that produced the model, or {@link #API} when called from code
 * @param javaVersion     Java runtime version and vendor
 * @param os              operating system name, version and architecture
 * @param nativeBlas      description of the native BLAS in use, as supplied by the caller
 */
public record Provenance(String libraryVersion, Instant createdAt, long seed, String dataFingerprint,
                         JsonNode configuration, String commandLine, String javaVersion, String os,
                         String nativeBlas) {

    /** The {@link #commandLine} of models fitted through the Java API rather than the CLI. */
    public static final String API = "api";

    /**
     * The {@link #dataFingerprint} of a run without one fingerprinted training data set: experiments generate their
     * data from the seed and the configuration (or read files the run manifest lists with their SHA-256), benchmarks
     * list their files in the run manifest.
     */
    public static final String NO_DATA = "none";

    /** Validates that every field is present and copies the configuration. */
    public Provenance {
        requireText(libraryVersion, "libraryVersion");
        Objects.requireNonNull(createdAt, "provenance: createdAt is null");
        Objects.requireNonNull(dataFingerprint, "provenance: dataFingerprint is null");
        Objects.requireNonNull(configuration, "provenance: configuration is null");
        requireText(commandLine, "commandLine");
        Objects.requireNonNull(javaVersion, "provenance: javaVersion is null");
        Objects.requireNonNull(os, "provenance: os is null");
        Objects.requireNonNull(nativeBlas, "provenance: nativeBlas is null");
        configuration = Json.parse(Json.toBytes(configuration), "provenance configuration");
    }

    /**
     * Provenance of a model being created now on this machine.
     *
     * @param commandLine the CLI command line, or {@link #API}
     * @param nativeBlas  description of the native BLAS (the linalg layer knows it; this package does not)
     */
    public static Provenance capture(long seed, String dataFingerprint, JsonNode configuration,
                                     String commandLine, String nativeBlas) {
        return capture(seed, dataFingerprint, configuration, commandLine, nativeBlas, Clock.systemUTC());
    }

    /** {@link #capture(long, String, JsonNode, String, String)} with an explicit clock (for tests). */
    public static Provenance capture(long seed, String dataFingerprint, JsonNode configuration,
                                     String commandLine, String nativeBlas, Clock clock) {
        return new Provenance(currentLibraryVersion(), clock.instant().truncatedTo(ChronoUnit.MILLIS), seed,
                dataFingerprint, configuration, commandLine, runtimeDescription(), osDescription(), nativeBlas);
    }

    /** The featurelab version from the jar manifest's {@code Implementation-Version}, or "dev". */
    public static String currentLibraryVersion() {
        String v = ModelArchive.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** The configuration (a copy: the record stays immutable). */
    @Override
    public JsonNode configuration() {
        return configuration.deepCopy();
    }

    /** The JSON object shown on the class. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("libraryVersion", libraryVersion);
        o.put("createdAt", createdAt.toString());
        o.put("seed", seed);
        o.put("dataFingerprint", dataFingerprint);
        o.set("configuration", configuration.deepCopy());
        o.put("commandLine", commandLine);
        o.put("javaVersion", javaVersion);
        o.put("os", os);
        o.put("nativeBlas", nativeBlas);
        return o;
    }

    /**
     * Reads the object written by {@link #toJson()}; unknown keys are ignored so that later versions may add
     * fields.
     *
     * @throws IllegalArgumentException "{@code provenance: ...}" naming the missing or malformed field
     */
    public static Provenance fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("provenance: expected a JSON object");
        }
        JsonNode seed = json.get("seed");
        if (seed == null || !seed.canConvertToExactIntegral() || !seed.canConvertToLong()) {
            throw new IllegalArgumentException("provenance: field 'seed' is missing or not an integer");
        }
        JsonNode configuration = json.get("configuration");
        if (configuration == null) {
            throw new IllegalArgumentException("provenance: field 'configuration' is missing");
        }
        Instant createdAt;
        String created = text(json, "createdAt");
        try {
            createdAt = Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("provenance: createdAt '" + created + "' is not an ISO-8601 UTC time", e);
        }
        return new Provenance(text(json, "libraryVersion"), createdAt, seed.longValue(),
                text(json, "dataFingerprint"), configuration, text(json, "commandLine"),
                text(json, "javaVersion"), text(json, "os"), text(json, "nativeBlas"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("provenance: field '" + field + "' is missing or not a string");
        }
        return v.textValue();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("provenance: " + field + " is empty");
        }
    }

    private static String runtimeDescription() {
        return Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
    }

    private static String osDescription() {
        return System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")
                + " " + System.getProperty("os.arch", "");
    }
}
