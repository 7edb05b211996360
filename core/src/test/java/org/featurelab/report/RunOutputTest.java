package org.featurelab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.featurelab.io.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run-directory writer: the schema of every file, the manifest's hashes against independently computed SHA-256s
 * of the files, and atomicity (a failing plot, encoder, input or file writer leaves no file of the run behind).
 */
class RunOutputTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07.123Z"), ZoneOffset.UTC);
    private static final byte[] PNG = Png.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB));

    @TempDir
    Path tmp;

    private static Provenance provenance() {
        ObjectNode config = Json.object().put("lr", 0.1).put("arch", "4-8-3");
        return Provenance.capture(7, "sha256:abc", config, "featurelab train --data d.csv", "test BLAS", CLOCK);
    }

    /** A run with one of everything: input, metrics, plot, page blocks, byte file, written file. */
    private RunOutput full(Path input) {
        RunOutput out = new RunOutput(RunOutput.Kind.TRAIN, "d.csv 4-8-3", provenance()).seconds(2.5)
                .input("--data", input)
                .metric("train", 0, "train_loss", 1.5)
                .metric("layer0", 2.5, "c_nfa", Double.NaN)
                .metric("a,b", 1e20, "x", -0.0)
                .title("featurelab train: 4-8-3")
                .paragraph("Hello <world>")
                .table(List.of("layer", "pearson"), List.of(List.of("0", "0.5")))
                .plot("loss.png", "Loss", PNG)
                .file("notes.txt", "n\n".getBytes(StandardCharsets.UTF_8))
                .file("model.bin", temp -> Files.write(temp, new byte[] {1, 2, 3}));
        out.summary().put("train_loss", 0.25).putNull("c_nfa");
        return out;
    }

    @Test
    void writesEveryFileWithOneSchema() throws IOException {
        Path input = Files.writeString(tmp.resolve("d.csv"), "a,b\n1,2\n");
        Path dir = tmp.resolve("run");
        List<String> names = full(input).writeTo(dir);
        assertEquals(List.of("summary.json", "metrics.csv", "loss.png", "notes.txt", "model.bin", "index.html",
                "manifest.json"), names);
        assertEquals(new TreeSet<>(names), listing(dir), "exactly the run's files, no temp files");

        JsonNode s = Json.read(dir.resolve("summary.json"));
        assertEquals(List.of("formatVersion", "kind", "name", "seed", "config", "summary", "seconds"), fields(s));
        assertEquals(1, s.get("formatVersion").asInt());
        assertEquals("train", s.get("kind").asText());
        assertEquals("d.csv 4-8-3", s.get("name").asText());
        assertEquals(7, s.get("seed").asLong());
        assertEquals(provenance().configuration(), s.get("config"));
        assertEquals(0.25, s.get("summary").get("train_loss").asDouble(), 0.0);
        assertTrue(s.get("summary").get("c_nfa").isNull());
        assertEquals(2.5, s.get("seconds").asDouble(), 0.0);

        // integral steps as integers, values in Double.toString form, CSV quoting of a comma
        assertEquals("run,step,metric,value\ntrain,0,train_loss,1.5\nlayer0,2.5,c_nfa,NaN\n\"a,b\",1.0E20,x,-0.0\n",
                Files.readString(dir.resolve("metrics.csv")));

        JsonNode m = Json.read(dir.resolve("manifest.json"));
        assertEquals(List.of("format", "formatVersion", "kind", "name", "provenance", "inputs", "files"), fields(m));
        assertEquals("featurelab-run", m.get("format").asText());
        assertEquals(1, m.get("formatVersion").asInt());
        assertEquals("train", m.get("kind").asText());
        assertEquals(provenance(), Provenance.fromJson(m.get("provenance")));
        assertEquals(1, m.get("inputs").size());
        JsonNode in = m.get("inputs").get(0);
        assertEquals("--data", in.get("role").asText());
        assertEquals(input.toAbsolutePath().normalize().toString(), in.get("path").asText());
        assertEquals(8, in.get("bytes").asLong());
        assertEquals(sha256(Files.readAllBytes(input)), in.get("sha256").asText());
        List<String> listed = new ArrayList<>();
        for (JsonNode f : m.get("files")) {
            Path p = dir.resolve(f.get("name").asText());
            listed.add(f.get("name").asText());
            assertEquals(Files.size(p), f.get("bytes").asLong(), p::toString);
            assertEquals(sha256(Files.readAllBytes(p)), f.get("sha256").asText(), p::toString);
        }
        assertEquals(names.subList(0, names.size() - 1), listed);
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), boxed(Files.readAllBytes(dir.resolve("model.bin"))));

        String html = Files.readString(dir.resolve("index.html"));
        for (String expected : List.of("<title>featurelab train: 4-8-3</title>", "Hello &lt;world&gt;",
                "<td class=\"num\">0.5</td>", "Loss (loss.png)", "featurelab train --data d.csv", "seed 7",
                "&quot;kind&quot;: &quot;train&quot;")) {
            assertTrue(html.contains(expected), expected);
        }
    }

    @Test
    void withoutMetricsOrTitleWritesNeitherFile() throws IOException {
        Path dir = tmp.resolve("bare");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), "x\n1\n");
        List<String> names = new RunOutput(RunOutput.Kind.BENCHMARK, "uci", provenance()).seconds(0)
                .existingFile("results.csv").writeTo(dir);
        assertEquals(List.of("results.csv", "summary.json", "manifest.json"), names);
        JsonNode files = Json.read(dir.resolve("manifest.json")).get("files");
        assertEquals("results.csv", files.get(0).get("name").asText());
        assertEquals(sha256("x\n1\n".getBytes(StandardCharsets.UTF_8)), files.get(0).get("sha256").asText());
    }

    @Test
    void aFailingPlotOrEncoderLeavesNoDirectory() throws IOException {
        Path input = Files.writeString(tmp.resolve("d.csv"), "a\n1\n");
        Path dir = tmp.resolve("never");
        RunOutput notPng = full(input).plot("bad.png", "Bad", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> notPng.writeTo(dir)).getMessage()
                .contains("bad.png: bytes are not a PNG"));
        assertFalse(Files.exists(dir));

        RunOutput badJson = full(input);
        badJson.summary().putPOJO("opaque", new Object()); // Jackson has no serializer for it
        assertThrows(IllegalArgumentException.class, () -> badJson.writeTo(dir));
        assertFalse(Files.exists(dir));

        RunOutput missingInput = full(tmp.resolve("absent.csv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> missingInput.writeTo(dir)).getMessage()
                .contains("absent.csv is not a file"));
        assertFalse(Files.exists(dir));

        RunOutput missingListed = new RunOutput(RunOutput.Kind.BENCHMARK, "uci", provenance()).seconds(0)
                .existingFile("results.csv");
        assertThrows(IllegalArgumentException.class, () -> missingListed.writeTo(dir));
        assertFalse(Files.exists(dir));
    }

    @Test
    void aFailingWriterRemovesWhatThisCallWrote() throws IOException {
        Path input = Files.writeString(tmp.resolve("d.csv"), "a\n1\n");
        RunOutput failing = full(input).file("late.bin", temp -> {
            throw new IOException("disk full");
        });
        Path fresh = tmp.resolve("fresh");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> failing.writeTo(fresh));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertFalse(Files.exists(fresh), "the directory this call created is gone");

        // an earlier complete run in the directory: its manifest goes first, the files this call had rewritten go,
        // the files it had not reached yet (index.html comes after late.bin) and unrelated ones stay as they were
        Path earlier = tmp.resolve("earlier");
        full(input).writeTo(earlier);
        byte[] page = Files.readAllBytes(earlier.resolve("index.html"));
        Files.writeString(earlier.resolve("keep.txt"), "k");
        assertThrows(UncheckedIOException.class, () -> failing.writeTo(earlier));
        assertEquals(new TreeSet<>(List.of("index.html", "keep.txt")), listing(earlier));
        assertEquals(sha256(page), sha256(Files.readAllBytes(earlier.resolve("index.html"))));
    }

    @Test
    void aSecondRunReplacesTheFirst() throws IOException {
        Path input = Files.writeString(tmp.resolve("d.csv"), "a\n1\n");
        Path dir = tmp.resolve("twice");
        full(input).writeTo(dir);
        RunOutput second = full(input);
        second.summary().put("train_loss", 0.125);
        second.writeTo(dir);
        assertEquals(0.125, Json.read(dir.resolve("summary.json")).get("summary").get("train_loss").asDouble(), 0.0);
        for (JsonNode f : Json.read(dir.resolve("manifest.json")).get("files")) {
            assertEquals(sha256(Files.readAllBytes(dir.resolve(f.get("name").asText()))), f.get("sha256").asText());
        }
    }

    @Test
    void fileNamesArePlainAndUnique() {
        RunOutput out = new RunOutput(RunOutput.Kind.EXPERIMENT, "x", provenance());
        out.plot("a.png", "A", PNG);
        rejected("already part of the run", () -> out.plot("a.png", "again", PNG));
        rejected("already part of the run", () -> out.file("summary.json", new byte[0]));
        rejected("not a plain file name", () -> out.file("../up.txt", new byte[0]));
        rejected("not a plain file name", () -> out.existingFile(".hidden"));
        rejected("plain *.png name", () -> out.plot("a.jpg", "J", PNG));
        assertThrows(IllegalStateException.class, () -> out.writeTo(tmp.resolve("no-seconds")));
        assertThrows(IllegalArgumentException.class, () -> out.seconds(Double.NaN));
        assertFalse(Files.exists(tmp.resolve("no-seconds")));
    }

    private static void rejected(String fragment, Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(fragment), message);
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static TreeSet<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Byte> boxed(byte[] b) {
        List<Byte> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }

    /** SHA-256 straight from the JDK, independent of io.Digests. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
