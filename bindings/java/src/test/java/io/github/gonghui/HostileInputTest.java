package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken requests get error objects, never exceptions, alone and in batches, as strings and as
 * bytes.
 */
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
                                assertArrayEquals(
                                        Utf8.encode(answer),
                                        Gonghui.evaluateBytes(
                                                c[1] == null ? null : Utf8.encode(c[1])),
                                        c[0] + ": as bytes");
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
    void aBatchOfBytesAnswersEachAsIfAlone() throws IOException {
        List<byte[]> requests = new ArrayList<byte[]>();
        for (String request : Hostile.requests()) {
            requests.add(request == null ? null : Utf8.encode(request));
        }
        // Bytes no Java String holds: invalid, overlong and truncated UTF-8.
        requests.add(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
        requests.add(new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'});
        requests.add(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xe5, (byte) 0xb7});
        List<byte[]> answers = Gonghui.evaluateBatchBytes(requests);
        assertEquals(requests.size(), answers.size());
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (int i = 0; i < requests.size(); i++) {
            byte[] alone = Gonghui.evaluateBytes(requests.get(i));
            assertArrayEquals(alone, answers.get(i), "request " + i);
            assertTrue(Hostile.isErrorObject(Corpus.utf8(alone)), Corpus.utf8(alone));
            lines.write(alone, 0, alone.length);
            lines.write('\n');
        }
        // As JSON Lines: one line per request, pretty-printed and empty ones included.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(requests.size(), Gonghui.evaluateBatchTo(requests, out));
        assertArrayEquals(lines.toByteArray(), out.toByteArray());
    }

    @Test
    void evaluateBatchToPassesOnTheStreamsException() {
        List<byte[]> requests = Arrays.asList(new byte[0], new byte[0], new byte[0]);
        final int[] writes = {0};
        OutputStream failing =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("disk full");
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (++writes[0] == 2) {
                            throw new IOException("disk full");
                        }
                    }
                };
        IOException e =
                assertThrows(IOException.class, () -> Gonghui.evaluateBatchTo(requests, failing));
        assertEquals("disk full", e.getMessage());
        assertThrows(
                NullPointerException.class,
                () -> Gonghui.evaluateBatchTo(null, new ByteArrayOutputStream()));
        assertThrows(NullPointerException.class, () -> Gonghui.evaluateBatchTo(requests, null));
    }

    @Test
    void answersLongerThanTheThreadsBufferComeWhole() {
        // The id is echoed: answers of 10 KiB to 3 MiB, past the buffer a thread starts
        // with and past the largest it keeps, then a short one again.
        for (int length : new int[] {10_000, Buffers.BUFFER_BYTES, 100_000, 3 << 20, 10}) {
            String id = Hostile.repeat("工", length / 3);
            String request = "{\"id\":\"" + id + "\",\"question\":\"catalog\"}";
            String answer = Gonghui.evaluate(request);
            assertTrue(answer.startsWith("{\"id\":\"" + id + "\""), excerpt(answer));
            assertArrayEquals(
                    answer.getBytes(StandardCharsets.UTF_8),
                    Gonghui.evaluateBytes(request.getBytes(StandardCharsets.UTF_8)));
            assertEquals(answer, Gonghui.evaluateBatch(Arrays.asList(request, "{}")).get(0));
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
                Corpus.utf8(Gonghui.evaluateBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'})),
                Gonghui.evaluate("{\"a\":\"\uD800\"}"));
    }

    @Test
    void nullAndEmptyAreTheSameRequest() {
        assertEquals(Gonghui.evaluate(""), Gonghui.evaluate(null));
        assertEquals(Gonghui.evaluate(""), Corpus.utf8(Gonghui.evaluateBytes(null)));
        assertEquals(Gonghui.evaluate(""), Corpus.utf8(Gonghui.evaluateBytes(new byte[0])));
    }

    @Test
    void emptyBatchAndNullList() {
        assertEquals(Collections.<String>emptyList(), Gonghui.evaluateBatch(new ArrayList<String>()));
        assertEquals(0, Gonghui.evaluateBatchBytes(new ArrayList<byte[]>()).size());
        assertEquals("", JsonLines.evaluate(new byte[0]));
        assertThrows(NullPointerException.class, () -> Gonghui.evaluateBatch(null));
        assertThrows(NullPointerException.class, () -> Gonghui.evaluateBatchBytes(null));
    }

    @Test
    void rawJsonLinesWithNulAndCrlf() {
        byte[] lines = "{}\n\u0000\n{\"question\":5}\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> answers = splitLines(JsonLines.evaluate(lines));
        assertEquals(3, answers.size(), answers.toString());
        for (String answer : answers) {
            assertTrue(Hostile.isErrorObject(answer), answer);
        }
    }

    @Test
    void theReturnedListIsUnmodifiable() {
        List<String> answers = Gonghui.evaluateBatch(Arrays.asList("{}", "{}"));
        assertThrows(UnsupportedOperationException.class, () -> answers.set(0, "x"));
        List<byte[]> bytes = Gonghui.evaluateBatchBytes(Arrays.asList(new byte[0]));
        assertThrows(UnsupportedOperationException.class, () -> bytes.set(0, null));
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
