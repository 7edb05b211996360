package org.featurelab.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stable JSON layout and strict parsing. */
class JsonTest {
    @TempDir
    Path dir;

    @Test
    void prettyLayoutIsFixed() {
        ObjectNode node = Json.object();
        node.put("b", 0.1);
        node.putArray("a").add(1).add(2);
        node.putObject("c");
        assertEquals("{\n  \"b\": 0.1,\n  \"a\": [\n    1,\n    2\n  ],\n  \"c\": { }\n}\n", Json.toPrettyString(node));
    }

    @Test
    void mapsAreSortedAndDoublesRoundTrip() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zeta", 1);
        map.put("alpha", 2);
        assertEquals("{\"alpha\":2,\"zeta\":1}", Json.mapper().writeValueAsString(map));
        double awkward = 0.1 + 0.2;
        ObjectNode node = Json.object().put("x", awkward).put("tiny", 1e-300);
        ObjectNode back = (ObjectNode) Json.parse(Json.toBytes(node), "test");
        assertEquals(Double.doubleToRawLongBits(awkward), Double.doubleToRawLongBits(back.get("x").doubleValue()));
        assertEquals(1e-300, back.get("tiny").doubleValue(), 0.0);
    }

    @Test
    void parsingIsStrict() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8), "config.json"));
        assertTrue(dup.getMessage().startsWith("config.json is not valid JSON: Duplicate field 'a'"), dup.getMessage());
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{} {}".getBytes(StandardCharsets.UTF_8), "config.json"));
        assertTrue(trailing.getMessage().startsWith("config.json is not valid JSON"), trailing.getMessage());
        assertEquals("config.json is not valid JSON: it is empty",
                assertThrows(IllegalArgumentException.class, () -> Json.parse(new byte[0], "config.json")).getMessage());
    }

    @Test
    void writeAtomicallyThenRead() throws Exception {
        Path file = dir.resolve("run.json");
        ObjectNode node = Json.object().put("seed", 42);
        Json.writeAtomically(file, node);
        assertEquals("{\n  \"seed\": 42\n}\n", Files.readString(file));
        assertEquals(node, Json.read(file));
        Path missing = dir.resolve("nope.json");
        assertEquals("no such JSON file: " + missing,
                assertThrows(IllegalArgumentException.class, () -> Json.read(missing)).getMessage());
    }
}
