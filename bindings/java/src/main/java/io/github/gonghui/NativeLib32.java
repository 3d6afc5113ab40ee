package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;

/** The function of {@link NativeLib} that takes {@code size_t}s, for 32-bit JVMs. */
final class NativeLib32 {
    private NativeLib32() {}

    static void register(NativeLibrary library) {
        Native.register(NativeLib32.class, library);
    }

    static native int gonghui_evaluate_into(
            byte[] request, int requestLen, ByteBuffer answer, int answerCap);
}
