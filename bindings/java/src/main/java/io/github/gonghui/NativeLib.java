package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The C functions of {@code gonghui.h} that {@link Gonghui} and {@link Policy} call, bound by JNA direct mapping
 * (a third of the cost of an interface mapping's call, measured in docs/PERFORMANCE.md).
 *
 * <p>{@code size_t} has the width of a pointer, so the functions taking lengths are declared
 * twice: with {@code long}s here, for 64-bit JVMs, and with {@code int}s in {@link
 * NativeLib32}; the callers use the one that matches the running JVM.
 *
 * <p>{@link #gonghui_evaluate_into} and {@link #gonghui_policy_evaluate_into} write into the
 * caller's buffer (nothing to free); {@link #gonghui_version} and {@link
 * #gonghui_policy_published} are static; the id and digest of a handle are borrowed from it; the
 * problems of {@link #gonghui_policy_load} go back through {@link #gonghui_string_free}.
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

    /** As {@link #gonghui_evaluate_into}, under the handle at address {@code policy}. */
    static native long gonghui_policy_evaluate_into(
            long policy, long request, long requestLen, long answer, long answerCap);

    /** Loads a policy file; NULL, and the problems in {@code *error}, when it is refused. */
    static native Pointer gonghui_policy_load(byte[] bytes, long len, Pointer error);

    /** The static handle of the published policy: never freed. */
    static native Pointer gonghui_policy_published();

    /** Frees a handle of {@link #gonghui_policy_load}. */
    static native void gonghui_policy_free(Pointer policy);

    /** The handle's id, borrowed from it. */
    static native Pointer gonghui_policy_id(Pointer policy);

    /** The handle's digest, borrowed from it. */
    static native Pointer gonghui_policy_digest(Pointer policy);

    /** Frees a string of the library (the problems of {@link #gonghui_policy_load}). */
    static native void gonghui_string_free(Pointer string);
}
