package org.featurelab.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Test helper that takes a model file apart and puts it back together, so that tests can tamper with one
 * entry while every ZIP CRC stays valid (only featurelab's own checks can then notice).
 */
final class ZipSurgery {
    private ZipSurgery() {
    }

    /** Every entry's name and uncompressed bytes, in file order. */
    static LinkedHashMap<String, byte[]> entries(Path zip) throws IOException {
        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    /** Writes {@code entries} as a fresh, structurally valid ZIP (all deflated). */
    static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }
}
