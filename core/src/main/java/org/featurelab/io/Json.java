package org.featurelab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one JSON configuration of featurelab: a shared Jackson mapper with stable output, and atomic
 * writing of JSON files.
 *
 * <p>Output is byte-stable across runs and platforms: two-space indentation, {@code "key": value}
 * spacing, {@code \n} line ends whatever the OS, a trailing newline, map entries and bean properties
 * sorted by key; the fields of an {@link ObjectNode} keep their insertion order, which callers control.
 * Doubles are written with {@link Double#toString}, which reads back bit-identically. Parsing rejects
 * duplicate keys and trailing content.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    private Json() {
    }

    /**
     * The shared mapper. It is configured once here and must not be reconfigured by callers (Jackson
     * mappers are thread-safe only while their configuration is left alone).
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code node} as pretty UTF-8 JSON with a trailing newline (the layout described on the class). */
    public static byte[] toBytes(JsonNode node) {
        try {
            byte[] body = PRETTY.writeValueAsBytes(node);
            byte[] out = new byte[body.length + 1];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json: cannot serialise node: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code node} as pretty JSON text with a trailing newline. */
    public static String toPrettyString(JsonNode node) {
        return new String(toBytes(node), StandardCharsets.UTF_8);
    }

    /**
     * Parses UTF-8 JSON text.
     *
     * @param what names the source in the error message, e.g. a file name
     * @throws IllegalArgumentException "{@code <what> is not valid JSON: <reason>}"
     */
    public static JsonNode parse(byte[] utf8, String what) {
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(what + " is not valid JSON: it is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON file.
     *
     * @throws IllegalArgumentException when the file does not exist or is not valid JSON
     * @throws UncheckedIOException     on other I/O errors
     */
    public static JsonNode read(Path file) {
        try {
            return parse(Files.readAllBytes(file), "file " + file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such JSON file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code node} to {@code target} in the stable layout, atomically ({@link AtomicFiles#write}). */
    public static void writeAtomically(Path target, JsonNode node) {
        AtomicFiles.writeBytes(target, toBytes(node));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
