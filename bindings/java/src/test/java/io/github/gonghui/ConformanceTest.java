package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance corpus through Java, byte for byte: every request alone through {@link
 * Gonghui#evaluate} and {@link Gonghui#evaluateBytes}, every file through {@link
 * Gonghui#evaluateBatch}, {@link Gonghui#evaluateBatchBytes}, {@link Gonghui#evaluateBatchTo}
 * and as raw JSON Lines.
 */
class ConformanceTest {
    @TestFactory
    List<DynamicTest> corpus() throws Exception {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        List<Corpus.Pair> pairs = Corpus.load();
        int cases = 0;
        for (final Corpus.Pair pair : pairs) {
            assertEquals(
                    pair.requestLines.size(),
                    pair.answerLines.size(),
                    pair.stem + ": as many answers as requests");
            for (int i = 0; i < pair.requestLines.size(); i++) {
                final byte[] request = pair.requestLines.get(i);
                final byte[] expectedBytes = pair.answerLines.get(i);
                final String expected = Corpus.utf8(expectedBytes);
                final String text = Corpus.utf8OrNull(request);
                final String name = pair.stem + ":" + (i + 1);
                if (text != null) {
                    tests.add(
                            DynamicTest.dynamicTest(
                                    name,
                                    () -> assertEquals(expected, Gonghui.evaluate(text), name)));
                }
                // Bytes, including those that are not UTF-8 (so not a Java String): they go
                // to the core as they are.
                tests.add(
                        DynamicTest.dynamicTest(
                                name + " (bytes)",
                                () ->
                                        assertArrayEquals(
                                                expectedBytes,
                                                Gonghui.evaluateBytes(request),
                                                name)));
                cases++;
            }
            tests.add(
                    DynamicTest.dynamicTest(
                            pair.stem + ": the whole file as JSON Lines",
                            () ->
                                    assertEquals(
                                            Corpus.utf8(pair.answers),
                                            JsonLines.evaluate(pair.requests))));
            tests.add(
                    DynamicTest.dynamicTest(
                            pair.stem + ": evaluateBatchTo, the whole answers file",
                            () -> {
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                assertEquals(
                                        pair.requestLines.size(),
                                        Gonghui.evaluateBatchTo(pair.requestLines, out));
                                assertArrayEquals(pair.answers, out.toByteArray());
                            }));
            tests.add(
                    DynamicTest.dynamicTest(
                            pair.stem + ": evaluateBatchBytes",
                            () -> {
                                List<byte[]> answers =
                                        Gonghui.evaluateBatchBytes(pair.requestLines);
                                assertEquals(pair.answerLines.size(), answers.size());
                                for (int i = 0; i < answers.size(); i++) {
                                    assertArrayEquals(
                                            pair.answerLines.get(i),
                                            answers.get(i),
                                            pair.stem + ":" + (i + 1));
                                }
                            }));
            tests.add(
                    DynamicTest.dynamicTest(
                            pair.stem + ": evaluateBatch",
                            () -> {
                                List<String> requests = new ArrayList<String>();
                                List<String> expected = new ArrayList<String>();
                                for (int i = 0; i < pair.requestLines.size(); i++) {
                                    String text = Corpus.utf8OrNull(pair.requestLines.get(i));
                                    if (text != null) {
                                        requests.add(text);
                                        expected.add(Corpus.utf8(pair.answerLines.get(i)));
                                    }
                                }
                                assertEquals(expected, Gonghui.evaluateBatch(requests));
                            }));
        }
        // Read by scripts/test-c-java.sh for its summary line.
        System.out.println(
                "Java corpus: " + cases + " cases from " + pairs.size() + " pairs");
        return tests;
    }
}
