package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A policy file of one's own: the example's corpus (tests/policies) under {@link Policy}, byte for
 * byte through every entry point; the published policy as the default; the broken example's
 * problems; hostile files; closing (twice, then using it; while 8 threads evaluate).
 */
class PolicyTest {
    static final int THREADS = 8;

    /** The policy file of a corpus: examples/policies/STEM.json. */
    static File policyFile(String stem) {
        return new File(Corpus.directory("gonghui.policyFiles"), stem + ".json");
    }

    static byte[] read(File file) throws IOException {
        return Files.readAllBytes(file.toPath());
    }

    static Corpus.Pair example() throws IOException {
        for (Corpus.Pair pair : Corpus.load(Corpus.directory("gonghui.policies"))) {
            if (pair.stem.equals("example-extended-2027")) {
                return pair;
            }
        }
        throw new IllegalStateException("no example-extended-2027 corpus in tests/policies");
    }

    /** The answers file as the list of its lines' texts. */
    static List<String> texts(List<byte[]> lines) {
        List<String> texts = new ArrayList<String>();
        for (byte[] line : lines) {
            texts.add(Corpus.utf8(line));
        }
        return texts;
    }

    @TestFactory
    List<DynamicTest> eachPolicyCorpusByteForByte() throws Exception {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        List<Corpus.Pair> pairs = Corpus.load(Corpus.directory("gonghui.policies"));
        assertFalse(pairs.isEmpty(), "tests/policies has no corpus");
        for (final Corpus.Pair pair : pairs) {
            tests.add(
                    DynamicTest.dynamicTest(
                            pair.stem,
                            () -> {
                                try (Policy policy = Policy.load(policyFile(pair.stem).toPath())) {
                                    checkCorpus(policy, pair);
                                }
                            }));
        }
        return tests;
    }

    /** Every request alone (string and bytes), and the file through the three batch forms. */
    static void checkCorpus(Policy policy, Corpus.Pair pair) throws IOException {
        assertEquals(pair.stem, policy.id());
        assertTrue(policy.digest().matches("sha256:[0-9a-f]{64}"), policy.digest());
        assertTrue(
                Corpus.utf8(pair.answers).contains("\"parameters\":\"" + policy.digest() + "\""),
                "the answers carry the policy's digest");
        assertEquals(pair.requestLines.size(), pair.answerLines.size());
        List<String> requests = new ArrayList<String>();
        for (int i = 0; i < pair.requestLines.size(); i++) {
            String name = pair.stem + ":" + (i + 1);
            String request = Corpus.utf8(pair.requestLines.get(i));
            requests.add(request);
            assertEquals(Corpus.utf8(pair.answerLines.get(i)), policy.evaluate(request), name);
            assertArrayEquals(
                    pair.answerLines.get(i), policy.evaluateBytes(pair.requestLines.get(i)), name);
        }
        assertEquals(texts(pair.answerLines), policy.evaluateBatch(requests));
        List<byte[]> answers = policy.evaluateBatchBytes(pair.requestLines);
        for (int i = 0; i < answers.size(); i++) {
            assertArrayEquals(pair.answerLines.get(i), answers.get(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(pair.requestLines.size(), policy.evaluateBatchTo(pair.requestLines, out));
        assertArrayEquals(pair.answers, out.toByteArray());
    }

    @Test
    void thePublishedPolicyIsTheDefault() throws Exception {
        Policy published = Policy.published();
        assertSame(published, Policy.published());
        assertEquals("jiangxi-1269", published.id());
        assertTrue(published.digest().matches("sha256:[0-9a-f]{64}"), published.digest());
        Corpus.Pair example = example();
        List<String> requests = texts(example.requestLines);
        assertEquals(Gonghui.evaluateBatch(requests), published.evaluateBatch(requests));
        try (Policy policy = Policy.load(read(policyFile(example.stem)))) {
            // The example's 2027 rate pays where the published policy does not.
            String request = requests.get(0);
            assertTrue(
                    policy.evaluate(request)
                            .contains("\"policy\":\"example-extended-2027\",\"outcome\":\"eligible\""));
            assertTrue(
                    published.evaluate(request)
                            .contains("\"policy\":\"jiangxi-1269\",\"outcome\":\"ineligible\""));
        }
        // Closing the published policy does nothing: it is shared.
        published.close();
        published.close();
        assertFalse(published.isClosed());
        assertEquals(Gonghui.evaluate(requests.get(0)), published.evaluate(requests.get(0)));
    }

    @Test
    void theBrokenExampleThrowsWithEveryProblem() throws Exception {
        File dir = Corpus.directory("gonghui.policies");
        byte[] broken = read(new File(dir, "broken-example.json"));
        String expected =
                new String(read(new File(dir, "broken-example.problems.json")), StandardCharsets.UTF_8);
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.load(broken));
        // Byte for byte the C ABI's *error and JavaScript's Error message.
        assertEquals(expected, e.getMessage() + "\n");
        assertEquals(e.getMessage(), e.problemsJson());
        assertEquals("invalid_policy", e.code());
        List<PolicyException.Problem> problems = e.problems();
        assertEquals(4, problems.size());
        assertEquals("parameters[9].id", problems.get(0).field());
        assertEquals(
                "the rules read no parameter \"union.six_norms.per_yaer\"; the catalog lists the"
                        + " parameters",
                problems.get(0).en());
        assertEquals("规则不读取参数 \"union.six_norms.per_yaer\"；可用参数见 catalog", problems.get(0).zh());
        assertEquals("mutual_aid.rate_percent", problems.get(1).field());
        assertEquals("union.six_norms.per_year", problems.get(3).field());
        assertThrows(UnsupportedOperationException.class, () -> problems.remove(0));
    }

    @Test
    void hostileFilesAreRefused() throws Exception {
        byte[] huge = new byte[10_000_000];
        Arrays.fill(huge, (byte) ' ');
        byte[] deep = new byte[1_000_000];
        Arrays.fill(deep, (byte) '[');
        List<byte[]> files =
                Arrays.asList(
                        new byte[0],
                        "{\"policy\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1),
                        "policy, please".getBytes(StandardCharsets.UTF_8),
                        "[]".getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        "{\"policy\":\u0000\"x\"}".getBytes(StandardCharsets.UTF_8),
                        huge,
                        deep);
        for (byte[] file : files) {
            PolicyException e = assertThrows(PolicyException.class, () -> Policy.load(file));
            assertEquals("invalid_policy", e.code());
            assertFalse(e.problems().isEmpty(), e.getMessage());
            assertTrue(
                    e.getMessage().startsWith("{\"error\":{\"code\":\"invalid_policy\",\"field\":null,"),
                    e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> Policy.load((byte[]) null));
        assertThrows(
                IOException.class,
                () -> Policy.load(new File("/no/such/policy.json").toPath()));
    }

    @Test
    void closedTwiceThenUsedIsAnIllegalStateNotACrash() throws Exception {
        Corpus.Pair example = example();
        final Policy policy = Policy.load(read(policyFile(example.stem)));
        assertFalse(policy.isClosed());
        final byte[] request = example.requestLines.get(0);
        assertArrayEquals(example.answerLines.get(0), policy.evaluateBytes(request));
        policy.close();
        policy.close();
        assertTrue(policy.isClosed());
        assertThrows(IllegalStateException.class, () -> policy.evaluate("{}"));
        assertThrows(IllegalStateException.class, () -> policy.evaluateBytes(request));
        assertThrows(
                IllegalStateException.class,
                () -> policy.evaluateBatch(Collections.singletonList("{}")));
        assertThrows(
                IllegalStateException.class,
                () -> policy.evaluateBatchBytes(Collections.singletonList(request)));
        assertThrows(
                IllegalStateException.class,
                () ->
                        policy.evaluateBatchTo(
                                Collections.singletonList(request), new ByteArrayOutputStream()));
        // An empty batch asks nothing of the policy.
        assertEquals(Collections.emptyList(), policy.evaluateBatch(Collections.<String>emptyList()));
        // What was read at load stays readable.
        assertEquals("example-extended-2027", policy.id());
        assertTrue(policy.toString().endsWith(", closed]"), policy.toString());
    }

    @Test
    void eightThreadsShareOnePolicy() throws Exception {
        final Corpus.Pair example = example();
        final List<String> requests = texts(example.requestLines);
        final List<String> expected = texts(example.answerLines);
        try (final Policy policy = Policy.load(read(policyFile(example.stem)))) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            final CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> results = new ArrayList<Future<Integer>>();
                for (int t = 0; t < THREADS; t++) {
                    final int kind = t % 2;
                    results.add(
                            pool.submit(
                                    new Callable<Integer>() {
                                        @Override
                                        public Integer call() throws Exception {
                                            start.await();
                                            int checked = 0;
                                            for (int round = 0; round < 20; round++) {
                                                if (kind == 0) {
                                                    for (int i = 0; i < requests.size(); i++) {
                                                        assertEquals(
                                                                expected.get(i),
                                                                policy.evaluate(requests.get(i)));
                                                    }
                                                } else {
                                                    assertEquals(
                                                            expected,
                                                            policy.evaluateBatch(requests));
                                                }
                                                checked += requests.size();
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
                assertEquals(THREADS * 20 * requests.size(), total);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Closing while 8 threads evaluate under the policy, many times over: every answer given
     * before the close is right, every call after it throws IllegalStateException, and none
     * reaches freed native memory (which would crash the JVM or answer wrongly).
     */
    @Test
    void closingWhileOthersEvaluateIsSafe() throws Exception {
        final Corpus.Pair example = example();
        final byte[] file = read(policyFile(example.stem));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int attempt = 0; attempt < 25; attempt++) {
                final Policy policy = Policy.load(file);
                final CountDownLatch started = new CountDownLatch(THREADS);
                List<Future<Integer>> results = new ArrayList<Future<Integer>>();
                for (int t = 0; t < THREADS; t++) {
                    final int kind = t % 3;
                    results.add(
                            pool.submit(
                                    new Callable<Integer>() {
                                        @Override
                                        public Integer call() throws Exception {
                                            started.countDown();
                                            return evaluateUntilClosed(policy, example, kind);
                                        }
                                    }));
                }
                started.await();
                Thread.sleep(attempt % 5);
                policy.close();
                int answered = 0;
                for (Future<Integer> result : results) {
                    answered += result.get(5, TimeUnit.MINUTES);
                }
                assertTrue(policy.isClosed());
                assertTrue(answered >= 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Evaluates the corpus in a loop (alone, as bytes, or streamed as JSON Lines) until the policy
     * is closed; checks every answer and returns how many there were.
     */
    static int evaluateUntilClosed(Policy policy, Corpus.Pair example, int kind)
            throws IOException {
        int answered = 0;
        while (true) {
            try {
                if (kind == 2) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        answered += policy.evaluateBatchTo(example.requestLines, out);
                    } finally {
                        // Whatever went out before a close is whole lines of the answers.
                        byte[] written = out.toByteArray();
                        assertArrayEquals(Arrays.copyOf(example.answers, written.length), written);
                        assertTrue(written.length == 0 || written[written.length - 1] == '\n');
                    }
                    continue;
                }
                for (int i = 0; i < example.requestLines.size(); i++) {
                    byte[] request = example.requestLines.get(i);
                    if (kind == 0) {
                        assertArrayEquals(example.answerLines.get(i), policy.evaluateBytes(request));
                    } else {
                        assertEquals(
                                Corpus.utf8(example.answerLines.get(i)),
                                policy.evaluate(Corpus.utf8(request)));
                    }
                    answered++;
                }
            } catch (IllegalStateException closed) {
                assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
                return answered;
            }
        }
    }
}
