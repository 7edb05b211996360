package org.featurelab.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.linalg.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The frozen format-version-1 file {@code src/test/resources/io/fixture-v1.flm} must keep loading, with
 * exactly these values, in every later featurelab.
 *
 * <p>The file was produced once by {@link #writeFixture()} (that is, by {@link ModelArchive#write} at
 * format version 1) with
 * <pre>
 * mvn -o -Dfeaturelab.buildDir=target-io test -Dtest=FixtureV1Test \
 *     -Dfeaturelab.writeFixtureV1=$PWD/src/test/resources/io/fixture-v1.flm
 * </pre>
 * and committed as a binary; its layout was also checked independently with Python's {@code zipfile},
 * {@code struct} and {@code hashlib}. Do not regenerate it: once the writer moves to version 2 a regenerated file
 * would no longer test version 1. Add a {@code fixture-v2.flm} and a sibling test instead.
 */
class FixtureV1Test {
    /**
     * SHA-256 of the committed fixture's bytes, taken right after it was generated: a changed file means
     * someone regenerated or edited it, which defeats its purpose.
     */
    private static final String FIXTURE_SHA256 = "04a66facf86b683538d58ffcab97ba65dbdc2e148fb7def2da5140177393c195";

    /** Content of the fixture; the expected values below restate it literally. */
    static ModelArchive fixtureArchive() {
        ObjectNode manifest = Json.object();
        manifest.putObject("model").put("kind", "fixture-test");
        Provenance provenance = new Provenance("fixture", Instant.parse("2025-01-01T00:00:00Z"), 42L,
                "sha256:fixture-data", Json.object().put("ridge", 0.001), Provenance.API, "17", "fixture-os", "none");
        Map<String, Matrix> arrays = new LinkedHashMap<>();
        arrays.put("m", Matrix.wrap(2, 2, new double[] {1, 2, 3, 4}));
        arrays.put("v", Matrix.wrap(1, 3, new double[] {0.5, -1.25, 1e-300}));
        return ModelArchive.of(manifest, provenance, arrays);
    }

    @Test
    void frozenVersion1FileStillReads() throws Exception {
        Path file = Path.of(FixtureV1Test.class.getResource("/io/fixture-v1.flm").toURI());
        assertEquals(FIXTURE_SHA256, Digests.sha256Hex(file), "fixture-v1.flm was modified");
        ModelArchive archive = ModelArchive.read(file);

        assertEquals(1, archive.formatVersion());
        assertEquals(List.of("m", "v"), archive.arrayNames());
        Matrix m = archive.array("m");
        assertEquals("2x2", m.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.data(), 0.0);
        Matrix v = archive.array("v");
        assertEquals("1x3", v.shape());
        assertArrayEquals(new double[] {0.5, -1.25, 1e-300}, v.data(), 0.0);
        assertEquals("fixture-test", archive.manifest().get("model").get("kind").asText());
        assertEquals(1, archive.manifest().size());

        Provenance p = archive.provenance();
        assertEquals("fixture", p.libraryVersion());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), p.createdAt());
        assertEquals(42L, p.seed());
        assertEquals("sha256:fixture-data", p.dataFingerprint());
        assertEquals(0.001, p.configuration().get("ridge").asDouble(), 0.0);
        assertEquals("api", p.commandLine());
        assertEquals("17", p.javaVersion());
        assertEquals("fixture-os", p.os());
        assertEquals("none", p.nativeBlas());
    }

    /** Generator, run once by hand (see the class comment); skipped in normal runs. */
    @Test
    @EnabledIfSystemProperty(named = "featurelab.writeFixtureV1", matches = ".+")
    void writeFixture() {
        assertEquals(1, ModelArchive.CURRENT_FORMAT_VERSION, "the writer no longer writes version 1");
        ModelArchive.write(Path.of(System.getProperty("featurelab.writeFixtureV1")), fixtureArchive());
    }
}
