package io.github.gonghui;

import java.io.IOException;
import java.io.OutputStream;
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
 * {@link #evaluateBatchTo} writes a batch's answers to a stream as JSON Lines, with nothing
 * allocated per answer.
 *
 * <p><b>Policy.</b> Every answer here is made under the published policy ({@code jiangxi-1269}):
 * these methods are those of {@link Policy#published()}. To answer under a policy file of your
 * own, load it as a {@link Policy}, which has the same methods.
 *
 * <p><b>Errors.</b> A broken request (null, empty, not JSON, a lone surrogate, 10 MB of
 * digits, bytes that are not UTF-8) is answered with an error object, never with an
 * exception. Exceptions are kept for programming errors (a {@code null} list given to a
 * batch method) and for the stream of {@link #evaluateBatchTo}.
 *
 * <p><b>Encoding.</b> Requests travel as UTF-8 and answers are read as UTF-8, whatever the
 * JVM's default charset ({@code file.encoding}, {@code LC_ALL}).
 *
 * <p><b>Memory.</b> Each calling thread keeps buffers from one call to the next (16 KiB of
 * native memory for the request and as much for the answer, 16 KiB on the heap; grown for
 * longer ones, up to 1 MiB kept), softly held, so that the JVM takes them back when it runs
 * short of memory. The answer is copied out before the method returns: nothing needs
 * closing or freeing.
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
    private Gonghui() {}

    /**
     * Answers one request.
     *
     * @param request the JSON request; {@code null} is read as an empty request
     * @return the JSON answer (a decision or an error object), with no trailing newline
     */
    public static String evaluate(String request) {
        return Policy.published().evaluate(request);
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
        return Policy.published().evaluateBytes(request);
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
        return Policy.published().evaluateBatch(requests);
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
        return Policy.published().evaluateBatchBytes(requests);
    }

    /**
     * Answers many requests given as bytes and writes the answers to {@code out} as JSON
     * Lines: each answer's UTF-8 bytes (those of {@link #evaluateBytes}) followed by {@code
     * '\n'}, in order. Nothing is allocated per answer, which makes this the cheapest way
     * through a large batch: to a file, a socket or a buffer that is sent on. An answer never
     * holds a raw line break, whatever the request, so the lines are always the answers.
     *
     * @param requests the requests' UTF-8 bytes; elements may be {@code null}
     * @param out where the answers go; not flushed nor closed here. It is handed this thread's
     *     own array for each answer, which it must not keep past the call to {@code write}
     *     (as {@link OutputStream} asks), and must not call this class while it writes
     * @return the number of answers written
     * @throws IOException if {@code out} throws it (the answers before it were written)
     * @throws NullPointerException if {@code requests} or {@code out} is {@code null}
     */
    public static long evaluateBatchTo(Iterable<byte[]> requests, OutputStream out)
            throws IOException {
        return Policy.published().evaluateBatchTo(requests, out);
    }

    /** The version of the loaded native library and its engine, e.g. {@code "0.1.0"}. */
    public static String version() {
        return NativeLib.gonghui_version().getString(0, "UTF-8");
    }

}
