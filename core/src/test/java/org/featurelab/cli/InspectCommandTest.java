package org.featurelab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void fit() throws IOException {
        Path data = CliRunner.blobs(dir.resolve("train.csv"), 90, 7);
        model = dir.resolve("m.flm");
        CliRunner.ok("fit", "--data", data.toString(), "--target", "label", "--out", model.toString(), "-q",
                "--ridge", "0.1", "--bandwidth", "5", "--iters", "2", "--seed", "11");
    }

    @Test
    void printsProvenanceImportancesAndEigenvectorsByColumnName() {
        String out = CliRunner.ok("inspect", "--model", model.toString()).out();
        for (String expected : new String[] {"library version", "data fingerprint", "seed              11",
                "command line      featurelab fit --data", "Column importances", "Top eigenvectors of M", "f0", "f1", "f2",
                "f3", "classes: a, b, c"}) {
            assertTrue(out.contains(expected), "'" + expected + "' in:\n" + out);
        }
        // f0 separates the classes best: it ranks first
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+1\\s+f0\\s+0\\.\\d+.*")), out);
    }

    @Test
    void topLimitsTheColumnsListed() {
        String out = CliRunner.ok("inspect", "--model", model.toString(), "--top", "2").out();
        assertTrue(out.contains("... 2 more columns"), out);
    }

    @Test
    void pngIsADecodableHeatMap() throws IOException {
        Path png = dir.resolve("m.png");
        CliRunner.Result r = CliRunner.ok("inspect", "--model", model.toString(), "--png", png.toString());
        assertTrue(r.out().contains("heat map of M written to " + png), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
    }

    @Test
    void pngIntoAMissingDirectoryIsBadInput() throws IOException {
        Path png = dir.resolve("nowhere").resolve("m.png");
        var before = CliRunner.listing(dir);
        CliRunner.assertBadInput(CliRunner.run("inspect", "--model", model.toString(), "--png", png.toString()),
                "does not exist");
        assertEquals(before, CliRunner.listing(dir));
    }
}
