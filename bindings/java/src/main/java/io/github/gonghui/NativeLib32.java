package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/** The functions of {@link NativeLib} that take {@code size_t}s, for 32-bit JVMs. */
final class NativeLib32 {
    private NativeLib32() {}

    static void register(NativeLibrary library) {
        Native.register(NativeLib32.class, library);
    }

    /** The pointers as integers, as in {@link NativeLib}: a 32-bit pointer is a 32-bit int. */
    static native int gonghui_evaluate_into(int request, int requestLen, int answer, int answerCap);

    static native int gonghui_policy_evaluate_into(
            int policy, int request, int requestLen, int answer, int answerCap);

    static native Pointer gonghui_policy_load(byte[] bytes, int len, Pointer error);
}
