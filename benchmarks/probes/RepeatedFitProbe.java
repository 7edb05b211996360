import org.featurelab.linalg.Precision;
import org.featurelab.rfm.RfmListener;
import org.featurelab.speed.RfmSpeed;

/**
 * `speed rfm`'s workload (n = 6,000, d = 100, 10 classes, 3 iterations) run three times in one JVM, printing when each phase
 * of each iteration starts (seconds to the next phase's start) and each fit's phase totals: the first timed fit's first kernel pass against a later fit's. Arg: MIXED or FLOAT64.
 */
public class RepeatedFitProbe {
    public static void main(String[] args) {
        for (int rep = 0; rep < 3; rep++) {
            StringBuilder phases = new StringBuilder();
            RfmSpeed.Result r = RfmSpeed.run(new RfmSpeed.Workload(6000, 100, 10, 3, 1000, 0, Precision.valueOf(args[0])),
                    new RfmListener() {
                        private long last;

                        @Override
                        public void phaseStarted(int iteration, String phase) {
                            long now = System.nanoTime();
                            if (last != 0) {
                                phases.append(String.format(" %.3f", (now - last) / 1e9));
                            }
                            phases.append(' ').append(iteration).append(phase.charAt(0));
                            last = now;
                        }
                    });
            System.out.println("rep " + rep + " (phase start, seconds to the next):" + phases);
            StringBuilder totals = new StringBuilder("rep " + rep + " totals:");
            for (RfmSpeed.Phase p : r.phases()) {
                totals.append(String.format(" %s %.3f", p.name(), p.seconds()));
            }
            System.out.println(totals);
        }
    }
}
