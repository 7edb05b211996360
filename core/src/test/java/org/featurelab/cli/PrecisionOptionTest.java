package org.featurelab.cli;

import org.featurelab.linalg.Precision;
import org.featurelab.tabular.TabularModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One {@code --precision} vocabulary: float64 | mixed | float32, each command accepting what it can run. */
class PrecisionOptionTest {
    @TempDir
    Path dir;

    @Test
    void fitAcceptsFloat64AndItsOldNameDoubleAndWritesAModelThatLoads() throws IOException {
        Path train = CliRunner.blobs(dir.resolve("train.csv"), 60, 1);
        for (String word : new String[]{"float64", "double"}) {
            Path out = dir.resolve(word + ".flm");
            CliRunner.ok("fit", "--data", train.toString(), "--target", "label", "--out", out.toString(), "--iters", "0",
                    "--bandwidth", "5", "--ridge", "0.01", "--precision", word, "-q");
            TabularModel m = TabularModel.load(out);
            assertEquals(Precision.FLOAT64, m.config().precision(), word);
            assertEquals(Precision.FLOAT64, m.rfm().config().precision(), word);
        }
    }

    @Test
    void unsupportedValuesAreOneErrorNamingTheAcceptedOnes() throws IOException {
        Path train = CliRunner.blobs(dir.resolve("train.csv"), 30, 2);
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", train.toString(), "--target", "label", "--out",
                dir.resolve("m.flm").toString(), "--precision", "float32"),
                "--precision: unsupported precision 'float32': expected float64 or mixed");
        CliRunner.assertBadInput(CliRunner.run("speed", "rfm", "--n", "100", "--d", "3", "--classes", "2", "--iters", "0",
                "--precision", "half", "-q"), "--precision: unsupported precision 'half': expected float64 or mixed");
        CliRunner.assertBadInput(CliRunner.run("speed", "mlp", "--arch", "4-3-2", "--precision", "mixed", "-q"),
                "--precision: unsupported precision 'mixed': expected float64 or float32");
    }
}
