import java.nio.ByteBuffer;

/** Seconds to fault in and zero 216 MB of fresh memory on one thread (the native K and W of a 6,000-row Gram). */
public class FaultProbe {
    public static void main(String[] args) throws InterruptedException {
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            ByteBuffer b = ByteBuffer.allocateDirect(216 << 20);   // zeroed by the JDK: every page is touched
            long t1 = System.nanoTime();
            for (int i = 0; i < b.capacity(); i += 4096) {
                b.put(i, (byte) 1);
            }
            long t2 = System.nanoTime();
            System.out.printf("fault in and zero %.3f s, touch again %.3f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            b = null;
            System.gc();
            Thread.sleep(200);
        }
    }
}
