package io.github.gonghui;

import java.nio.charset.StandardCharsets;

/**
 * Requests to bytes: always UTF-8, whatever the platform's default charset (under {@code
 * LC_ALL=C} a Java 8 to 17 JVM would otherwise encode Chinese as {@code ?}).
 */
final class Utf8 {
    private Utf8() {}

    /**
     * The UTF-8 bytes of {@code s}. A lone surrogate, which no UTF-8 can hold, is written as
     * the three bytes of its code unit (as WTF-8 does): the core then sees invalid UTF-8 and
     * answers with the same {@code malformed_request} error a C caller sending those bytes
     * gets, instead of a request silently changed by a replacement {@code ?}.
     */
    static byte[] encode(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return encodeWithSurrogates(s);
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encodeWithSurrogates(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[n++] = (byte) (0xf0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                // Any other BMP character, and a lone surrogate (as WTF-8 writes it).
                out[n++] = (byte) (0xe0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        byte[] exact = new byte[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }
}
