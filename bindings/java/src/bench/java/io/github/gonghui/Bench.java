package io.github.gonghui;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost per request of each Java entry point, over the same 10,000 mutual-aid requests as
 * the C benchmark ({@code bindings/c/bench/bench.c}), beside what the JVM itself spends
 * turning a request into UTF-8 and an answer into a {@code String}. Not a test: run by
 * {@code bindings/java/bench.sh}; {@code benches/run-all.sh c-java} records its figures.
 *
 * <p>Usage: {@code Bench [REQUESTS [ROUNDS]]} (default 10000 requests, 7 timed rounds after 3
 * warm-up rounds); prints the median round of each, in wall time and in the calling thread's
 * CPU time.
 */
public final class Bench {
    private static final String[] CHAINS = {
        "steel", "food", "aviation", "new_energy", "pharmaceuticals", "textiles_apparel"
    };

    /** Keeps the answers observable, so that no work can be skipped. */
    static volatile long sink;

    private Bench() {}

    /** The same function through a JNA interface mapping (a proxy), to compare with direct. */
    public interface ProxyLib extends Library {
        long gonghui_evaluate_into(long request, long requestLen, long answer, long cap);
    }

    /**
     * The functions returning an answer to free, through direct mapping: the way {@link
     * Gonghui} called the library before the buffer API, one request at a time and in JSON
     * Lines.
     */
    static final class Returning {
        static {
            Native.register(Returning.class, NativeLibrary.getInstance(NativeLib.DEFAULT_NAME));
        }

        static native Pointer gonghui_evaluate_bytes(byte[] request, long requestLen);

        static native Pointer gonghui_evaluate_batch(byte[] lines, long linesLen);

        static native void gonghui_string_free(Pointer answer);
    }

    /** One thing measured: runs it over all the requests once, returns something to sink. */
    interface Work {
        long run();
    }

    public static void main(String[] args) {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        final List<String> requests = requests(n);
        final List<byte[]> requestBytes = new ArrayList<byte[]>(n);
        for (String request : requests) {
            requestBytes.add(request.getBytes(StandardCharsets.UTF_8));
        }
        final List<byte[]> answerBytes = Gonghui.evaluateBatchBytes(requestBytes);
        long total = 0;
        for (byte[] answer : answerBytes) {
            total += answer.length;
        }
        final StringBuilder joined = new StringBuilder();
        for (String request : requests) {
            joined.append(request).append('\n');
        }
        final byte[] jsonLines = joined.toString().getBytes(StandardCharsets.UTF_8);

        // Sanity: every path gives the same bytes.
        List<String> batch = Gonghui.evaluateBatch(requests);
        for (int i = 0; i < n; i += 97) {
            String expected = new String(answerBytes.get(i), StandardCharsets.UTF_8);
            if (!batch.get(i).equals(expected)
                    || !Gonghui.evaluate(requests.get(i)).equals(expected)
                    || !Arrays.equals(Gonghui.evaluateBytes(requestBytes.get(i)), answerBytes.get(i))) {
                throw new AssertionError("the entry points differ at request " + i);
            }
        }

        final ProxyLib proxy =
                Native.load(
                        System.getProperty("gonghui.library", NativeLib.DEFAULT_NAME),
                        ProxyLib.class);
        final ByteBuffer in = ByteBuffer.allocateDirect(Buffers.BUFFER_BYTES);
        final ByteBuffer out = ByteBuffer.allocateDirect(Buffers.BUFFER_BYTES);
        final long inAddress = Pointer.nativeValue(Native.getDirectBufferPointer(in));
        final long outAddress = Pointer.nativeValue(Native.getDirectBufferPointer(out));

        System.out.printf(
                "gonghui %s, Java %s (%s), JNA %s, %d mutual-aid requests, %.0f answer bytes"
                        + " on average, median of %d rounds (per request):%n",
                Gonghui.version(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Native.VERSION,
                n,
                (double) total / n,
                rounds);
        measure("Gonghui.evaluateBytes", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (byte[] request : requestBytes) {
                    s += Gonghui.evaluateBytes(request).length;
                }
                return s;
            }
        });
        // A loaded policy file (bench.sh gives the example's): each call takes the policy's read
        // lock, which the published policy needs not.
        String policyFile = System.getProperty("gonghui.policyFile");
        if (policyFile != null) {
            final Policy policy;
            try {
                policy = Policy.load(java.nio.file.Paths.get(policyFile));
            } catch (IOException | PolicyException e) {
                throw new IllegalStateException(e);
            }
            measure("Policy.evaluateBytes, a file", n, rounds, new Work() {
                public long run() {
                    long s = 0;
                    for (byte[] request : requestBytes) {
                        s += policy.evaluateBytes(request).length;
                    }
                    return s;
                }
            });
        }
        measure("Gonghui.evaluateBatchBytes", n, rounds, new Work() {
            public long run() {
                return Gonghui.evaluateBatchBytes(requestBytes).size();
            }
        });
        final OutputStream discard =
                new OutputStream() {
                    long count;

                    @Override
                    public void write(int b) {
                        count++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        count += len;
                    }
                };
        measure("Gonghui.evaluateBatchTo", n, rounds, new Work() {
            public long run() {
                try {
                    return Gonghui.evaluateBatchTo(requestBytes, discard);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        measure("Gonghui.evaluate", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (String request : requests) {
                    s += Gonghui.evaluate(request).length();
                }
                return s;
            }
        });
        measure("Gonghui.evaluateBatch", n, rounds, new Work() {
            public long run() {
                return Gonghui.evaluateBatch(requests).size();
            }
        });
        measure("JVM: encode the request", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (String request : requests) {
                    s += Utf8.encode(request).length;
                }
                return s;
            }
        });
        measure("JVM: decode the answer", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (byte[] answer : answerBytes) {
                    s += new String(answer, StandardCharsets.UTF_8).length();
                }
                return s;
            }
        });
        // The call alone, as Gonghui makes it (the request copied to native memory), without
        // copying the answer out.
        measure("JNA direct: evaluate_into", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (byte[] request : requestBytes) {
                    in.clear();
                    in.put(request);
                    s += NativeLib.gonghui_evaluate_into(inAddress, request.length, outAddress, out.capacity());
                }
                return s;
            }
        });
        measure("JNA proxy: evaluate_into", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (byte[] request : requestBytes) {
                    in.clear();
                    in.put(request);
                    s += proxy.gonghui_evaluate_into(inAddress, request.length, outAddress, out.capacity());
                }
                return s;
            }
        });
        measure("JNA direct: evaluate_bytes+free", n, rounds, new Work() {
            public long run() {
                long s = 0;
                for (byte[] request : requestBytes) {
                    Pointer answer = Returning.gonghui_evaluate_bytes(request, request.length);
                    s += answer.getByte(0);
                    Returning.gonghui_string_free(answer);
                }
                return s;
            }
        });
        measure("JSON Lines: one native call", n, rounds, new Work() {
            public long run() {
                Pointer answers = Returning.gonghui_evaluate_batch(jsonLines, jsonLines.length);
                try {
                    return answers.getString(0, "UTF-8").length();
                } finally {
                    Returning.gonghui_string_free(answers);
                }
            }
        });
    }

    static void measure(String name, int n, int rounds, Work work) {
        // Wall time, and this thread's CPU time (steadier on a shared machine; it leaves out
        // the JVM's GC and JIT threads).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int round = -3; round < rounds; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += work.run();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            if (round >= 0) {
                wall[round] = (t1 - t0) / 1000.0 / n;
                cpu[round] = (c1 - c0) / 1000.0 / n;
            }
        }
        System.out.printf("  %-32s %8.2f us  (%.2f us CPU)%n", name, median(wall), median(cpu));
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
