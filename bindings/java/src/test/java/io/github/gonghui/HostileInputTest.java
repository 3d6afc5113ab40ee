package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Broken requests get error objects, never exceptions, alone and in batches. */
class HostileInputTest {
    @TestFactory
    List<DynamicTest> eachIsAnsweredWithAnErrorObject() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final String[] c : Hostile.cases()) {
            tests.add(
                    DynamicTest.dynamicTest(
                            c[0],
                            () -> {
                                String answer = Gonghui.evaluate(c[1]);
                                assertTrue(
                                        Hostile.isErrorObject(answer),
                                        c[0] + ": not an error object: " + excerpt(answer));
                            }));
        }
        return tests;
    }

    @Test
    void aBatchAnswersEachAsIfAlone() {
        List<String> requests = Hostile.requests();
        List<String> answers = Gonghui.evaluateBatch(requests);
        assertEquals(requests.size(), answers.size());
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(
                    Gonghui.evaluate(requests.get(i)),
                    answers.get(i),
                    Hostile.cases().get(i)[0]);
        }
    }

    @Test
    void aLoneSurrogateIsMalformedNotReplaced() {
        // Encoded as '?', the request would be well-formed: it must not be.
        String lone = Gonghui.evaluate("{\"id\":\"\uD800\",\"question\":\"catalog\"}");
        String replaced = Gonghui.evaluate("{\"id\":\"?\",\"question\":\"catalog\"}");
        assertTrue(Hostile.isErrorObject(lone), lone);
        assertTrue(!lone.equals(replaced), "a lone surrogate was silently replaced");
        assertEquals(
                Gonghui.evaluateUtf8(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'}),
                Gonghui.evaluate("{\"a\":\"\uD800\"}"));
    }

    @Test
    void nullAndEmptyAreTheSameRequest() {
        assertEquals(Gonghui.evaluate(""), Gonghui.evaluate(null));
        assertEquals(Gonghui.evaluate(""), Gonghui.evaluateUtf8(null));
        assertEquals(Gonghui.evaluate(""), Gonghui.evaluateUtf8(new byte[0]));
    }

    @Test
    void emptyBatchAndNullList() {
        assertEquals(Collections.<String>emptyList(), Gonghui.evaluateBatch(new ArrayList<String>()));
        assertEquals("", Gonghui.evaluateLines(new byte[0], 0));
        assertThrows(NullPointerException.class, () -> Gonghui.evaluateBatch(null));
    }

    @Test
    void rawJsonLinesWithNulAndCrlf() {
        byte[] lines = "{}\n\u0000\n{\"question\":5}\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> answers = splitLines(Gonghui.evaluateLines(lines, lines.length));
        assertEquals(3, answers.size(), answers.toString());
        for (String answer : answers) {
            assertTrue(Hostile.isErrorObject(answer), answer);
        }
    }

    @Test
    void aBatchLargerThanOneChunkIsCutAndKeepsItsOrder() {
        // Requests of 60% of a chunk: no two fit in one native call.
        String big =
                "{\"id\":\""
                        + Hostile.repeat("x", Gonghui.BATCH_CHUNK_BYTES * 6 / 10)
                        + "\",\"question\":5}";
        List<String> requests = new ArrayList<String>();
        int n = 9;
        for (int i = 0; i < n; i++) {
            requests.add(i % 3 == 0 ? "{\"question\":" + i + "}" : big);
        }
        List<String> answers = Gonghui.evaluateBatch(requests);
        assertEquals(n, answers.size());
        for (int i = 0; i < n; i++) {
            assertEquals(Gonghui.evaluate(requests.get(i)), answers.get(i), "request " + i);
        }
    }

    @Test
    void theReturnedListIsUnmodifiable() {
        List<String> answers = Gonghui.evaluateBatch(Arrays.asList("{}", "{}"));
        assertThrows(UnsupportedOperationException.class, () -> answers.set(0, "x"));
    }

    /** The lines of a JSON Lines answer, each without its {@code \n}. */
    static List<String> splitLines(String jsonLines) {
        List<String> lines = new ArrayList<String>();
        int start = 0;
        while (start < jsonLines.length()) {
            int end = jsonLines.indexOf('\n', start);
            if (end < 0) {
                end = jsonLines.length();
            }
            lines.add(jsonLines.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    static String excerpt(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
