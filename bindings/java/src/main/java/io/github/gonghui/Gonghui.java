package io.github.gonghui;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * gonghui: the Jiangxi trade unions' '1269' special action as code.
 *
 * <p>One JSON request in, one JSON answer out (a decision, or an error object {@code
 * {"error": {"code": ..., "field": ..., "message": ...}}}), byte for byte what the Rust core,
 * the C library, the command line and the JavaScript package answer. The request and answer
 * formats are those of CONTRACT.md.
 *
 * <pre>{@code
 * String answer = Gonghui.evaluate(
 *     "{\"question\":\"mutual_aid_subsidy\",\"facts\":{\"chains\":[\"steel\"],"
 *     + "\"enrolled_years\":[2024,2025],\"year\":2025,\"premium_fen\":1200000}}");
 * }</pre>
 *
 * <p>Where the requests are bytes already (read from a socket, a queue or a database column)
 * and the answers go out as bytes, {@link #evaluateBytes} and {@link #evaluateBatchBytes} take
 * and give UTF-8 {@code byte[]}s: no {@code String} is made on either side, which saves
 * the JVM's decoding of every answer (more than the engine's own work for a Chinese answer).
 *
 * <p><b>Errors.</b> A broken request (null, empty, not JSON, a lone surrogate, 10 MB of
 * digits, bytes that are not UTF-8) is answered with an error object, never with an
 * exception. Exceptions are kept for programming errors: a {@code null} list given to
 * {@link #evaluateBatch} or {@link #evaluateBatchBytes}.
 *
 * <p><b>Encoding.</b> Requests travel as UTF-8 and answers are read as UTF-8, whatever the
 * JVM's default charset ({@code file.encoding}, {@code LC_ALL}).
 *
 * <p><b>Memory.</b> The native library writes each answer into a buffer that the calling
 * thread keeps from one call to the next (16 KiB of native memory, and as much on the heap;
 * grown for longer answers, up to 1 MiB kept), and the answer is copied out of it before
 * the method returns: nothing needs closing or freeing.
 *
 * <p><b>Threads.</b> Every method may be called from any number of threads at once: the native
 * library keeps no state between calls, and each thread has its own buffer.
 *
 * <p><b>Loading.</b> The native library {@code gonghui_ffi} is loaded by JNA on first use:
 * from {@code -Djna.library.path=DIR}, the system's library path, or the jar (under JNA's
 * platform prefix, e.g. {@code linux-x86-64/libgonghui_ffi.so}); {@code -Dgonghui.library}
 * may name another file. If it cannot be found, the first call throws {@link
 * UnsatisfiedLinkError} saying where it looked.
 */
public final class Gonghui {
    /** The size of each thread's answer buffer at first: most answers are under 4 KiB. */
    static final int BUFFER_BYTES = 16 * 1024;

    /** The largest answer buffer a thread keeps; a longer answer gets one for its call only. */
    static final int KEPT_BUFFER_BYTES = 1024 * 1024;

    /**
     * Each thread's answer buffer, where the native library writes the answers: native memory,
     * whose address JNA passes without a copy. (The thread-locals hold only JDK types, so
     * that a thread outliving an application, in a servlet container, keeps no class of
     * this library alive.)
     */
    private static final ThreadLocal<ByteBuffer> ANSWER_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER_BYTES));

    /** Each thread's array where an answer is copied to be decoded into a {@code String}. */
    private static final ThreadLocal<byte[]> TEXT_BUFFER =
            ThreadLocal.withInitial(() -> new byte[BUFFER_BYTES]);

    private Gonghui() {}

    /**
     * Answers one request.
     *
     * @param request the JSON request; {@code null} is read as an empty request
     * @return the JSON answer (a decision or an error object), with no trailing newline
     */
    public static String evaluate(String request) {
        return decode(answer(request == null ? null : Utf8.encode(request)));
    }

    /**
     * Answers one request given as bytes, with the answer's bytes: byte for byte what {@link
     * #evaluate} answers, as UTF-8.
     *
     * @param request the request's UTF-8 bytes; {@code null} is read as an empty request, and
     *     bytes that are not UTF-8 get a {@code malformed_request} error object
     * @return the answer's UTF-8 bytes (a decision or an error object), with no trailing
     *     newline; a new array, the caller's to keep
     */
    public static byte[] evaluateBytes(byte[] request) {
        return copy(answer(request));
    }

    /**
     * Answers many requests: {@code evaluateBatch(requests).get(i)} equals {@code
     * evaluate(requests.get(i))} for every {@code i}, whatever the request (pretty-printed,
     * empty, {@code null}).
     *
     * @param requests the JSON requests; elements may be {@code null}
     * @return one answer per request, in order (an unmodifiable list)
     * @throws NullPointerException if {@code requests} is {@code null}
     */
    public static List<String> evaluateBatch(List<String> requests) {
        if (requests == null) {
            throw new NullPointerException("requests");
        }
        String[] answers = new String[requests.size()];
        for (int i = 0; i < answers.length; i++) {
            String request = requests.get(i);
            answers[i] = decode(answer(request == null ? null : Utf8.encode(request)));
        }
        return Collections.unmodifiableList(Arrays.asList(answers));
    }

    /**
     * Answers many requests given as bytes, with the answers' bytes and no {@code String}
     * made: {@code evaluateBatchBytes(requests).get(i)} has the bytes of {@code
     * evaluateBytes(requests.get(i))} for every {@code i}.
     *
     * @param requests the requests' UTF-8 bytes; elements may be {@code null}
     * @return one answer per request, in order, as UTF-8 (an unmodifiable list of new arrays)
     * @throws NullPointerException if {@code requests} is {@code null}
     */
    public static List<byte[]> evaluateBatchBytes(List<byte[]> requests) {
        if (requests == null) {
            throw new NullPointerException("requests");
        }
        byte[][] answers = new byte[requests.size()][];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = copy(answer(requests.get(i)));
        }
        return Collections.unmodifiableList(Arrays.asList(answers));
    }

    /** The version of the loaded native library and its engine, e.g. {@code "0.1.0"}. */
    public static String version() {
        return NativeLib.gonghui_version().getString(0, "UTF-8");
    }

    /** The answer's bytes, from the buffer's position to its limit, in a new array. */
    private static byte[] copy(ByteBuffer answer) {
        byte[] bytes = new byte[answer.remaining()];
        answer.get(bytes);
        return bytes;
    }

    /**
     * Answers {@code request} into {@code buffer} (a direct buffer, written from its start)
     * and returns the answer's length, which is more than the buffer's capacity when the
     * answer did not fit (nothing was written then).
     */
    static long evaluateInto(byte[] request, ByteBuffer buffer) {
        int length = request == null ? 0 : request.length;
        return NativeLib.SIZE_T_IS_64
                ? NativeLib.gonghui_evaluate_into(request, length, buffer, buffer.capacity())
                : NativeLib32.gonghui_evaluate_into(request, length, buffer, buffer.capacity())
                        & 0xffffffffL;
    }

    /**
     * Answers the request into this thread's answer buffer and returns the buffer holding the
     * answer, from position 0 to its length; it is the thread's until its next call.
     */
    private static ByteBuffer answer(byte[] request) {
        ByteBuffer buffer = ANSWER_BUFFER.get();
        buffer.clear();
        long length = evaluateInto(request, buffer);
        if (length > buffer.capacity()) {
            // An answer longer than the buffer (a long id): a buffer of its size, kept for the
            // next calls unless it is very large, and the same request again (the same bytes
            // always get the same answer).
            if (length > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("gonghui: an answer of " + length + " bytes");
            }
            buffer = ByteBuffer.allocateDirect((int) length);
            if (length <= KEPT_BUFFER_BYTES) {
                ANSWER_BUFFER.set(buffer);
            }
            long again = evaluateInto(request, buffer);
            if (again != length) {
                throw new IllegalStateException(
                        "gonghui: the native library answered the same request with "
                                + length
                                + " and then "
                                + again
                                + " bytes; this is a bug, please report it");
            }
        }
        buffer.limit((int) length);
        return buffer;
    }

    /** The answer in {@code buffer} (from its position to its limit) as a String. */
    private static String decode(ByteBuffer buffer) {
        int length = buffer.remaining();
        byte[] bytes = TEXT_BUFFER.get();
        if (length > bytes.length) {
            bytes = new byte[length];
            if (length <= KEPT_BUFFER_BYTES) {
                TEXT_BUFFER.set(bytes);
            }
        }
        buffer.get(bytes, 0, length);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
