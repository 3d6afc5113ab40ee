package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The functions of {@link NativeLib} that take a {@code size_t}, for 32-bit JVMs. */
final class NativeLib32 {
    private NativeLib32() {}

    static void register(NativeLibrary library) {
        Native.register(NativeLib32.class, library);
    }

    static native Pointer gonghui_evaluate_bytes(byte[] request, int requestLen);

    static native Pointer gonghui_evaluate_batch(byte[] lines, int linesLen);
}
