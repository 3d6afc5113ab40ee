package io.github.gonghui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the cost of {@link Gonghui#evaluate} per call and of one request inside {@link
 * Gonghui#evaluateBatch}, over the same 10,000 mutual-aid requests. Not a test: run by
 * {@code bindings/java/bench.sh}, which records nothing; the figures go into the README by
 * hand.
 *
 * <p>Usage: {@code Bench [REQUESTS [ROUNDS]]} (default 10000 requests, 7 timed rounds after 3
 * warm-up rounds); prints the median round.
 */
public final class Bench {
    private static final String[] CHAINS = {
        "steel", "food", "aviation", "new_energy", "pharmaceuticals", "textiles_apparel"
    };

    /** Keeps the answers observable, so that no work can be skipped. */
    static volatile int sink;

    private Bench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> requests = requests(n);
        long answerBytes = 0;
        for (String answer : Gonghui.evaluateBatch(requests)) {
            answerBytes += answer.length();
        }

        // Sanity: both paths give the same bytes.
        List<String> batch = Gonghui.evaluateBatch(requests);
        for (int i = 0; i < n; i += 97) {
            if (!batch.get(i).equals(Gonghui.evaluate(requests.get(i)))) {
                throw new AssertionError("evaluate and evaluateBatch differ at " + i);
            }
        }

        // Wall time, and this thread's CPU time (steadier on a shared machine; it leaves out
        // the JVM's GC and JIT threads).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] single = new double[rounds];
        double[] batched = new double[rounds];
        double[] singleCpu = new double[rounds];
        double[] batchedCpu = new double[rounds];
        for (int round = -3; round < rounds; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int total = 0;
            for (String request : requests) {
                total += Gonghui.evaluate(request).length();
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            total += Gonghui.evaluateBatch(requests).size();
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            sink = total;
            if (round >= 0) {
                single[round] = (t1 - t0) / 1000.0 / n;
                batched[round] = (t2 - t1) / 1000.0 / n;
                singleCpu[round] = (c1 - c0) / 1000.0 / n;
                batchedCpu[round] = (c2 - c1) / 1000.0 / n;
            }
        }
        System.out.printf(
                "gonghui %s, Java %s (%s), JNA %s, %d mutual-aid requests, %.0f answer bytes"
                        + " on average, median of %d rounds:%n",
                Gonghui.version(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                com.sun.jna.Native.VERSION,
                n,
                (double) answerBytes / n,
                rounds);
        System.out.printf(
                "  Gonghui.evaluate         %8.2f us per call     (%.2f us CPU)%n",
                median(single), median(singleCpu));
        System.out.printf(
                "  Gonghui.evaluateBatch    %8.2f us per request  (%.2f us CPU; batch of %d)%n",
                median(batched), median(batchedCpu), n);
    }

    /** n mutual-aid requests, varied so that some are eligible and some not. */
    static List<String> requests(int n) {
        List<String> requests = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) {
            int year = 2024 + i % 3;
            StringBuilder years = new StringBuilder();
            for (int y = year - i % 4; y <= year; y++) {
                years.append(years.length() == 0 ? "" : ",").append(y);
            }
            String chains = i % 5 == 4 ? "" : "\"" + CHAINS[i % CHAINS.length] + "\"";
            String clusters = i % 5 == 4 ? "\"copper_new_materials\"" : "";
            requests.add(
                    "{\"id\":\"bench-" + i + "\",\"question\":\"mutual_aid_subsidy\","
                            + "\"lang\":\"" + (i % 2 == 0 ? "zh" : "en") + "\","
                            + "\"facts\":{\"chains\":[" + chains + "],"
                            + "\"clusters\":[" + clusters + "],"
                            + "\"enrolled_years\":[" + years + "],"
                            + "\"year\":" + year + ","
                            + "\"premium_fen\":" + (50000 + 137 * i) + "}}");
        }
        return requests;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
