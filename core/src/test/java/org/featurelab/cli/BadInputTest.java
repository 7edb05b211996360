package org.featurelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.featurelab.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every bad input of the product brief (issue 2, item 8), end to end through {@link Main#run}: exit code 2,
 * exactly one line {@code featurelab: ...} on stderr, no stack trace, and no output file (nor temp file) left.
 */
class BadInputTest {
    @TempDir
    static Path shared;
    static Path model;
    static Path good;

    @TempDir
    Path dir;

    @BeforeAll
    static void fitOnce() throws IOException {
        good = CliRunner.blobs(shared.resolve("good.csv"), 60, 3);
        model = shared.resolve("good.flm");
        CliRunner.ok("fit", "--data", good.toString(), "--target", "label", "--out", model.toString(), "-q",
                "--ridge", "0.1", "--bandwidth", "5", "--iters", "1");
    }

    private Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    /** Runs {@code fit} on {@code data} and checks the contract and that {@code dir} gained nothing. */
    private void fitFails(Path data, String target, String fragment, String... extra) throws IOException {
        TreeSet<String> before = CliRunner.listing(dir);
        Path out = dir.resolve("model.flm");
        String[] args = {"fit", "--data", data.toString(), "--target", target, "--out", out.toString()};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        CliRunner.assertBadInput(CliRunner.run(all), fragment);
        assertFalse(Files.exists(out));
        assertEquals(before, CliRunner.listing(dir), "no temp files left");
    }

    /** Runs {@code predict} with a model and data and checks the contract. */
    private void predictFails(Path modelFile, Path data, String fragment) throws IOException {
        TreeSet<String> before = CliRunner.listing(dir);
        Path out = dir.resolve("pred.csv");
        CliRunner.assertBadInput(CliRunner.run("predict", "--model", modelFile.toString(), "--data", data.toString(),
                "--out", out.toString()), fragment);
        assertFalse(Files.exists(out));
        assertEquals(before, CliRunner.listing(dir), "no temp files left");
    }

    @Test
    void missingFile() throws IOException {
        fitFails(dir.resolve("absent.csv"), "y", "no such file");
        predictFails(model, dir.resolve("absent.csv"), "no such file");
        predictFails(dir.resolve("absent.flm"), good, "no such model file");
        // with both bad, the model's error comes first
        predictFails(dir.resolve("absent.flm"), dir.resolve("absent.csv"), "no such model file");
        predictFails(dir.resolve("absent.flm"), csv("ragged-data.csv", "f0,f1\n1\n"), "no such model file");
        CliRunner.assertBadInput(CliRunner.run("eval", "--model", model.toString(), "--data", dir.resolve("x.csv").toString()),
                "no such file");
    }

    @Test
    void targetColumnAbsent() throws IOException {
        fitFails(csv("t.csv", "a,b,y\n1,2,x\n3,4,z\n"), "label", "target column 'label' not found");
    }

    @Test
    void emptyFile() throws IOException {
        fitFails(csv("empty.csv", ""), "y", "is empty");
        fitFails(csv("header.csv", "a,b,y\n"), "y", "no data rows");
    }

    @Test
    void onlyOneClass() throws IOException {
        fitFails(csv("one.csv", "a,b,y\n1,2,x\n3,4,x\n5,6,x\n"), "y", "only one class");
    }

    @Test
    void allMissingColumn() throws IOException {
        fitFails(csv("am.csv", "a,empty,y\n1,NA,p\n2,,q\n3,?,p\n4,,q\n"), "y", "column 'empty' has only missing values");
    }

    @Test
    void textInANumericColumn() throws IOException {
        fitFails(csv("text.csv", "a,y\n1,p\n2,q\nabc,p\n4,q\n5,p\n"), "y", "text 'abc' in a numeric column");
    }

    @Test
    void raggedRows() throws IOException {
        fitFails(csv("ragged.csv", "a,b,y\n1,2,p\n3,q\n"), "y", "line 3 (row 2) has 2 fields but the header has 3");
    }

    @Test
    void nanOrInfInTheTarget() throws IOException {
        fitFails(csv("inf.csv", "a,y\n1,0.5\n2,Inf\n3,1.5\n"), "y", "is not a finite number", "--task", "regression");
        fitFails(csv("nan.csv", "a,y\n1,0.5\n2,NaN\n3,1.5\n"), "y", "target 'y' is missing ('NaN')", "--task", "regression");
    }

    @Test
    void truncatedModelFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.flm");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        predictFails(truncated, good, "truncated.flm");
    }

    /** A byte flipped in the middle of the stored content of each entry of the archive. */
    @ParameterizedTest
    @ValueSource(strings = {"manifest.json", "arrays/centers.f64", "arrays/alpha.f64", "arrays/metric.f64", "checksum.sha256"})
    void corruptedModelFile(String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        bytes[middleOfEntry(bytes, entry)] ^= 0x5A;
        Path corrupted = dir.resolve("corrupted.flm");
        Files.write(corrupted, bytes);
        predictFails(corrupted, good, "corrupted.flm");
    }

    /**
     * Offset of the middle byte of an entry's stored data: its local header is the first occurrence of
     * {@code PK\3\4} followed, 26 bytes on, by the name; data follows the name and the extra field.
     */
    private static int middleOfEntry(byte[] zip, String name) throws IOException {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int p = 0; p + 30 + n.length <= zip.length; p++) {
            if (zip[p] == 'P' && zip[p + 1] == 'K' && zip[p + 2] == 3 && zip[p + 3] == 4
                    && Arrays.equals(Arrays.copyOfRange(zip, p + 30, p + 30 + n.length), n)) {
                int extra = (zip[p + 28] & 0xFF) | (zip[p + 29] & 0xFF) << 8;
                long size;
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(model.toFile())) {
                    size = z.getEntry(name).getCompressedSize();
                }
                return (int) (p + 30 + n.length + extra + size / 2);
            }
        }
        throw new AssertionError("no local header for " + name);
    }

    @Test
    void modelFileOfANewerFormatVersion() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(model); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        ObjectNode manifest = (ObjectNode) Json.parse(entries.get("manifest.json"), "manifest");
        assertEquals(org.featurelab.io.ModelArchive.CURRENT_FORMAT_VERSION, manifest.get("formatVersion").asInt());
        manifest.put("formatVersion", 99);
        entries.put("manifest.json", Json.toBytes(manifest));
        Path newer = dir.resolve("newer.flm");
        try (OutputStream os = Files.newOutputStream(newer); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        predictFails(newer, good, "format version 99");
    }

    @Test
    void predictDataMissingATrainingColumn() throws IOException {
        predictFails(model, csv("nof2.csv", "f0,f1,f3\n1,2,3\n4,5,6\n"), "has no column 'f2', which the model was trained on");
    }

    @Test
    void outputDirectoryMissing() throws IOException {
        Path out = dir.resolve("no-such-dir").resolve("m.flm");
        CliRunner.assertBadInput(CliRunner.run("fit", "--data", good.toString(), "--target", "label", "--out", out.toString()),
                "does not exist");
        CliRunner.assertBadInput(CliRunner.run("predict", "--model", model.toString(), "--data", good.toString(), "--out",
                out.toString()), "does not exist");
        assertEquals(new TreeSet<String>(), CliRunner.listing(dir));
    }

    @Test
    void badOptionValuesAreOneLine() throws IOException {
        fitFails(good, "label", "unknown model 'svm'", "--model", "svm");
        fitFails(good, "label", "unknown kernel 'rbf'", "--kernel", "rbf");
        fitFails(good, "label", "unknown task 'ranking'", "--task", "ranking");
        fitFails(good, "label", "--ridge must be finite and >= 0", "--ridge", "-1");
        fitFails(good, "label", "--bandwidth must be positive", "--bandwidth", "0");
        fitFails(good, "label", "Invalid value for option '--iters'", "--iters", "many");
        // library messages name the fields (iterations, ridges, ...); fit reads them with its flags
        fitFails(good, "label", "--iters must be in 0..100, got 101", "--iters", "101");
        fitFails(good, "label", "model laplace learns no features: --iters must be 0 (got 2)", "--model", "laplace",
                "--iters", "2");
    }

    /** The validation file is read on another thread: its errors still arrive as the one line of bad input. */
    @Test
    void badValidationFileIsReportedAsBadInput() throws IOException {
        Path ragged = csv("ragged.csv", "x0,x1,label\n1,2,a\n3,b\n");
        fitFails(good, "label", "ragged.csv", "--validation", ragged.toString());
        fitFails(good, "label", "has a header but no data rows", "--validation", csv("header.csv", "x0,x1,label\n").toString());
    }

    @Test
    void tooFewRowsToTuneNamesTheFlagsToFix() throws IOException {
        fitFails(csv("three.csv", "a,y\n1,p\n2,q\n3,p\n"), "y", "too few training rows (3) to tune on a validation "
                + "split; give --ridge and --bandwidth one value each and --iters 0", "-q");
    }
}
