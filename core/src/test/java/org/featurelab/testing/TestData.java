package org.featurelab.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the tests find real data. The default suite reads only the fixtures under {@code src/test/resources/data}
 * (copies of a few small files of ../shared/data, see the README there), so it passes on a bare clone. Tests of
 * the tag {@link #COLLECTION} read the whole UCI-121 collection at {@code ../shared/data/uci121} (or the folder
 * named by the system property {@code featurelab.uci121}); for them a missing collection is a failure.
 */
public final class TestData {
    /** JUnit tag of the tests that need the whole UCI-121 collection ({@code mvn -B -P collection test}). */
    public static final String COLLECTION = "collection";

    private static final Path FIXTURES = Path.of("src/test/resources/data");

    private TestData() {
    }

    /** {@code small/<name>.csv}: iris, wine, breast_cancer, digits or diabetes (header row, target last). */
    public static Path small(String name) {
        return existing(FIXTURES.resolve("small").resolve(name + ".csv"));
    }

    /** A three-dataset collection in the UCI-121 split format (iris, lenses, trains) with its INDEX.tsv. */
    public static Path uciFixture() {
        return existing(FIXTURES.resolve("uci121"));
    }

    /** The whole UCI-121 collection; fails the calling test when it is not there. */
    public static Path uciCollection() {
        Path dir = Path.of(System.getProperty("featurelab.uci121", "../../shared/data/uci121")); // tests run in core/
        if (!Files.isRegularFile(dir.resolve("INDEX.tsv"))) {
            fail("the UCI-121 collection is missing: expected " + dir.toAbsolutePath().normalize()
                    + "/INDEX.tsv (set -Dfeaturelab.uci121=DIR)");
        }
        return dir;
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) {
            fail("test fixture missing: " + p);
        }
        return p;
    }
}
