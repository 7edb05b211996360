package org.featurelab.benchmark;

import org.featurelab.io.Digests;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The project's own held-out datasets: those never used to choose a default or a change (issue 12's "held-out
 * habit"). Membership is a fixed function of the dataset name, so every run, summary and later session agrees without
 * a list to maintain: a dataset is held out when the first byte of SHA-256("featurelab-held-out:" + name) is below
 * {@value #THRESHOLD} of 256 (about 1 in 4). Benchmark summaries report the means of the development and the held-out
 * datasets apart; design decisions are made on the development means only (docs/benchmarks.md).
 */
public final class HeldOut {
    /** First-byte threshold: P(held out) = 64/256 = ¼. */
    static final int THRESHOLD = 64;
    private static final String SALT = "featurelab-held-out:";

    private HeldOut() {
    }

    /** Whether dataset {@code name} is held out. */
    public static boolean isHeldOut(String name) {
        byte[] h = Digests.sha256().digest((SALT + name).getBytes(StandardCharsets.UTF_8));
        return (h[0] & 0xff) < THRESHOLD;
    }

    /** The held-out names among {@code names}, in their order. */
    public static List<String> of(List<String> names) {
        return names.stream().filter(HeldOut::isHeldOut).toList();
    }
}
