package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 8 threads evaluating at once, through each entry point (each thread keeps its own answer
 * buffer), get exactly the single-threaded answers.
 */
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int ROUNDS = 25;

    @Test
    void eightThreadsGetIdenticalAnswers() throws Exception {
        final List<String> requests = new ArrayList<String>();
        for (Corpus.Pair pair : Corpus.load()) {
            for (byte[] line : pair.requestLines) {
                String text = Corpus.utf8OrNull(line);
                if (text != null) {
                    requests.add(text);
                }
            }
        }
        requests.addAll(Hostile.smallRequests());
        requests.add("{\"id\":\"并发-测试\",\"question\":\"catalog\",\"lang\":\"zh\"}");
        // A request whose answer is longer than a thread's first buffer.
        requests.add("{\"id\":\"" + Hostile.repeat("x", 40_000) + "\",\"question\":\"catalog\"}");
        final List<String> expected = new ArrayList<String>();
        final List<byte[]> requestBytes = new ArrayList<byte[]>();
        for (String request : requests) {
            expected.add(Gonghui.evaluate(request));
            requestBytes.add(request == null ? null : Utf8.encode(request));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        final CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<Future<Integer>>();
            for (int t = 0; t < THREADS; t++) {
                final int kind = t % 5;
                results.add(
                        pool.submit(
                                new Callable<Integer>() {
                                    @Override
                                    public Integer call() throws Exception {
                                        start.await();
                                        int checked = 0;
                                        for (int round = 0; round < ROUNDS; round++) {
                                            checked += check(kind, requests, requestBytes, expected);
                                        }
                                        return checked;
                                    }
                                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(5, TimeUnit.MINUTES);
            }
            assertEquals(THREADS * ROUNDS * requests.size(), total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Evaluates every request through one entry point and checks each answer. */
    static int check(
            int kind, List<String> requests, List<byte[]> requestBytes, List<String> expected) {
        switch (kind) {
            case 0:
                for (int i = 0; i < requests.size(); i++) {
                    assertEquals(expected.get(i), Gonghui.evaluate(requests.get(i)));
                }
                break;
            case 1:
                assertEquals(expected, Gonghui.evaluateBatch(requests));
                break;
            case 2:
                for (int i = 0; i < requests.size(); i++) {
                    assertArrayEquals(
                            Utf8.encode(expected.get(i)),
                            Gonghui.evaluateBytes(requestBytes.get(i)));
                }
                break;
            case 3:
                List<byte[]> answers = Gonghui.evaluateBatchBytes(requestBytes);
                for (int i = 0; i < requests.size(); i++) {
                    assertArrayEquals(Utf8.encode(expected.get(i)), answers.get(i));
                }
                break;
            default:
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (String answer : expected) {
                    byte[] bytes = Utf8.encode(answer);
                    lines.write(bytes, 0, bytes.length);
                    lines.write('\n');
                }
                try {
                    Gonghui.evaluateBatchTo(requestBytes, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertArrayEquals(lines.toByteArray(), out.toByteArray());
        }
        return requests.size();
    }
}
