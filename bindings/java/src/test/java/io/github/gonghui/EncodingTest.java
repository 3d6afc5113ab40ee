package io.github.gonghui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * UTF-8 both ways whatever the default charset: scripts/test-c-java.sh runs this suite under
 * {@code LC_ALL=C}, where Java 8 to 17 default to ASCII and would turn Chinese into {@code ?}.
 */
class EncodingTest {
    static final String CHINESE_ID = "工会-申请-〇〇四二-😀";

    @Test
    void theSuiteRunsUnderAnAsciiLocaleWhenAsked() {
        if (Boolean.getBoolean("gonghui.test.asciiLocale")) {
            assertNotEquals(
                    StandardCharsets.UTF_8,
                    Charset.defaultCharset(),
                    "expected a non-UTF-8 default charset (LC_ALL=C), to prove the point");
        }
    }

    @Test
    void requestsAreEncodedAsUtf8() {
        assertArrayEquals(
                new byte[] {(byte) 0xe5, (byte) 0xb7, (byte) 0xa5, (byte) 0xe4, (byte) 0xbc, (byte) 0x9a},
                Utf8.encode("工会"));
        assertArrayEquals(
                new byte[] {'a', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, 'b'},
                Utf8.encode("a\uD83D\uDE00b"));
        assertArrayEquals(
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xc3, (byte) 0xa9},
                Utf8.encode("\uD800é"));
        assertArrayEquals(new byte[] {0, 'x'}, Utf8.encode("\u0000x"));
        String all = "工会 Ünïcödé 😀 \u0000 \u07ff \u0800 \uffff";
        assertArrayEquals(all.getBytes(StandardCharsets.UTF_8), Utf8.encode(all));
    }

    @Test
    void chineseRoundTripsThroughTheNativeLibrary() {
        String request = "{\"id\":\"" + CHINESE_ID + "\",\"question\":\"catalog\",\"lang\":\"zh\"}";
        String answer = Gonghui.evaluate(request);
        // The same request as literal UTF-8 bytes gets the same answer...
        assertArrayEquals(
                answer.getBytes(StandardCharsets.UTF_8),
                Gonghui.evaluateBytes(request.getBytes(StandardCharsets.UTF_8)));
        // ...and the id comes back first, unharmed (CONTRACT.md: "echoed back first").
        assertTrue(
                answer.startsWith("{\"id\":\"" + CHINESE_ID + "\""),
                "the Chinese id was not echoed intact: " + HostileInputTest.excerpt(answer));
        assertEquals(answer, Gonghui.evaluateBatch(Arrays.asList(request)).get(0));
    }

    @Test
    void answersAreReadAsUtf8() {
        // A Chinese id in a broken request comes back in the error answer.
        String answer = Gonghui.evaluate("{\"id\":\"" + CHINESE_ID + "\",\"question\":5}");
        assertTrue(answer.startsWith("{\"id\":\"" + CHINESE_ID + "\""), answer);
        assertTrue(answer.indexOf('\uFFFD') < 0, "a replacement character in " + answer);
    }

    @Test
    void versionIsTheLibraryVersion() {
        assertTrue(Gonghui.version().matches("\\d+\\.\\d+\\.\\d+.*"), Gonghui.version());
    }
}
