package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The C functions of {@code gonghui.h} that {@link Gonghui} calls, bound by JNA direct mapping
 * (a third of the cost of an interface mapping's call, measured in docs/PERFORMANCE.md).
 *
 * <p>{@code size_t} has the width of a pointer, so the function taking lengths is declared
 * twice: with {@code long}s here, for 64-bit JVMs, and with {@code int}s in {@link
 * NativeLib32}; {@link Gonghui} calls the one that matches the running JVM.
 *
 * <p>{@link #gonghui_evaluate_into} writes into the caller's buffer (nothing to free); {@link
 * #gonghui_version} is static.
 */
final class NativeLib {
    /** The library's name for JNA: {@code libgonghui_ffi.so}, {@code gonghui_ffi.dll}. */
    static final String DEFAULT_NAME = "gonghui_ffi";

    /** True when {@code size_t} is 64 bits wide, so {@link NativeLib} itself is used. */
    static final boolean SIZE_T_IS_64 = Native.SIZE_T_SIZE == 8;

    static {
        NativeLibrary library = load();
        Native.register(NativeLib.class, library);
        if (!SIZE_T_IS_64) {
            NativeLib32.register(library);
        }
    }

    private NativeLib() {}

    /**
     * Finds the library as JNA does: {@code jna.library.path}, the system's library path,
     * then the class path under JNA's platform prefix (e.g. {@code linux-x86-64/} in the
     * jar). The system property {@code gonghui.library} may name another library or give
     * its full path.
     */
    private static NativeLibrary load() {
        String name = System.getProperty("gonghui.library", DEFAULT_NAME);
        try {
            return NativeLibrary.getInstance(name);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError explained =
                    new UnsatisfiedLinkError(
                            "gonghui: cannot load the native library '"
                                    + name
                                    + "'. Put the gonghui jar that contains it ("
                                    + com.sun.jna.Platform.RESOURCE_PREFIX
                                    + "/"
                                    + System.mapLibraryName(DEFAULT_NAME)
                                    + ") on the class path, or its directory in"
                                    + " -Djna.library.path=DIR. JNA said: "
                                    + e.getMessage());
            explained.initCause(e);
            throw explained;
        }
    }

    /**
     * The pointers as integers: a 64-bit JVM runs on an LP64 platform (Linux, macOS on x86-64
     * and AArch64), whose calling conventions pass a pointer as they pass a 64-bit integer;
     * with no argument to convert, JNA's direct call is at its quickest.
     */
    static native long gonghui_evaluate_into(
            long request, long requestLen, long answer, long answerCap);

    static native Pointer gonghui_version();
}
