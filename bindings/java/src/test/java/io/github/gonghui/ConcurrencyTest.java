package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 8 threads evaluating at once get exactly the single-threaded answers. */
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
        final List<String> expected = new ArrayList<String>();
        for (String request : requests) {
            expected.add(Gonghui.evaluate(request));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        final CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<Future<Integer>>();
            for (int t = 0; t < THREADS; t++) {
                final boolean batches = t % 2 == 1;
                results.add(
                        pool.submit(
                                new Callable<Integer>() {
                                    @Override
                                    public Integer call() throws Exception {
                                        start.await();
                                        int checked = 0;
                                        for (int round = 0; round < ROUNDS; round++) {
                                            if (batches) {
                                                assertEquals(
                                                        expected, Gonghui.evaluateBatch(requests));
                                                checked += requests.size();
                                            } else {
                                                for (int i = 0; i < requests.size(); i++) {
                                                    assertEquals(
                                                            expected.get(i),
                                                            Gonghui.evaluate(requests.get(i)));
                                                    checked++;
                                                }
                                            }
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
}
