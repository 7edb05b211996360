package org.featurelab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provenance capture and its JSON form. */
class ProvenanceTest {
    @Test
    void captureRecordsThisRuntime() {
        Provenance p = ArchiveFixtures.provenance();
        assertEquals("dev", p.libraryVersion(), "tests run from classes, not from a versioned jar");
        assertEquals(ArchiveFixtures.CREATED, p.createdAt());
        assertEquals(20240301L, p.seed());
        assertEquals("api", p.commandLine());
        assertEquals("OpenBLAS test double", p.nativeBlas());
        assertEquals(Runtime.version() + " (" + System.getProperty("java.vendor") + ")", p.javaVersion());
        assertTrue(p.os().endsWith(System.getProperty("os.arch")), p.os());
    }

    @Test
    void jsonRoundTrip() {
        Provenance p = ArchiveFixtures.provenance();
        ObjectNode json = p.toJson();
        assertEquals("2024-03-01T12:34:56.789Z", json.get("createdAt").asText());
        assertEquals(20240301L, json.get("seed").asLong());
        assertEquals(1e-3, json.get("configuration").get("ridge").asDouble(), 0.0);
        assertEquals(p, Provenance.fromJson(json));
        assertEquals(p, Provenance.fromJson(Json.parse(Json.toBytes(json), "provenance")));
    }

    @Test
    void configurationCannotBeMutatedFromOutside() {
        ObjectNode config = Json.object().put("ridge", 1.0);
        Provenance p = new Provenance("1.0", Instant.EPOCH, 1, "none", config, "api", "17", "os", "none");
        config.put("ridge", 2.0);
        ((ObjectNode) p.configuration()).put("ridge", 3.0);
        assertEquals(1.0, p.configuration().get("ridge").asDouble(), 0.0);
    }

    @Test
    void malformedJsonIsNamed() {
        ObjectNode json = ArchiveFixtures.provenance().toJson();
        json.remove("seed");
        assertEquals("provenance: field 'seed' is missing or not an integer",
                assertThrows(IllegalArgumentException.class, () -> Provenance.fromJson(json)).getMessage());
        ObjectNode badDate = ArchiveFixtures.provenance().toJson().put("createdAt", "yesterday");
        assertEquals("provenance: createdAt 'yesterday' is not an ISO-8601 UTC time",
                assertThrows(IllegalArgumentException.class, () -> Provenance.fromJson(badDate)).getMessage());
        JsonNode extra = ArchiveFixtures.provenance().toJson().put("gpu", "none");
        assertEquals(ArchiveFixtures.provenance(), Provenance.fromJson(extra), "unknown keys are ignored");
    }
}
