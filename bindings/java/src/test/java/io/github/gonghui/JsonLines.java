package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The C ABI's batch function, {@code gonghui_evaluate_batch}, which {@link Gonghui} does not
 * use (a loop over the buffer API is faster from Java), called here so that the Java suite
 * checks the same native library's JSON Lines answers too.
 */
final class JsonLines {
    static {
        Native.register(JsonLines.class, NativeLibrary.getInstance(NativeLib.DEFAULT_NAME));
    }

    private JsonLines() {}

    private static native Pointer gonghui_evaluate_batch(byte[] lines, long linesLen);

    private static native void gonghui_string_free(Pointer answer);

    /** Answers JSON Lines given as bytes with JSON Lines, in one native call. */
    static String evaluate(byte[] lines) {
        if (!NativeLib.SIZE_T_IS_64) {
            throw new UnsupportedOperationException("the test maps size_t as 64 bits");
        }
        Pointer answer = gonghui_evaluate_batch(lines, lines.length);
        try {
            return answer.getString(0, "UTF-8");
        } finally {
            gonghui_string_free(answer);
        }
    }
}
