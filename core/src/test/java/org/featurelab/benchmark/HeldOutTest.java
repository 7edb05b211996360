package org.featurelab.benchmark;

import org.featurelab.io.Digests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HeldOut}: the rule on the digest, and a share near ¼ over many names. */
class HeldOutTest {
    @Test
    void membershipIsTheDigestRule() {
        for (String name : List.of("iris", "letter", "chess-krvk", "Guns", "mtcars")) {
            int first = Digests.sha256().digest(("featurelab-held-out:" + name).getBytes(StandardCharsets.UTF_8))[0] & 0xff;
            assertEquals(first < 64, HeldOut.isHeldOut(name), name);
        }
    }

    @Test
    void aboutAQuarterOfManyNamesIsHeldOut() {
        // 1,000 names: Binomial(1000, ¼) has mean 250 and sd 13.7; the bound is 3 sd either side
        List<String> names = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "dataset-" + i).toList();
        int held = HeldOut.of(names).size();
        assertTrue(Math.abs(held - names.size() / 4.0) <= 3 * Math.sqrt(names.size() * 3 / 16.0), held + " of " + names.size());
    }
}
