package io.github.gonghui;

import java.io.IOException;
import java.io.OutputStream;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.SoftReference;
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
 * {@link #evaluateBatchTo} writes a batch's answers to a stream as JSON Lines, with nothing
 * allocated per answer.
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
    /** The size of each thread's buffers at first: most answers are under 4 KiB. */
    static final int BUFFER_BYTES = 16 * 1024;

    /** The largest buffer a thread keeps; a longer request or answer gets one for its call. */
    static final int KEPT_BUFFER_BYTES = 1024 * 1024;

    /**
     * Each thread's buffers, softly held as Jackson holds its buffer recyclers: the memory
     * goes back when the JVM runs short of it, and a thread outliving an application (a pooled
     * thread in a servlet container) does not keep this library's classes alive for good.
     */
    private static final ThreadLocal<SoftReference<Buffers>> BUFFERS =
            new ThreadLocal<SoftReference<Buffers>>();

    private Gonghui() {}

    /**
     * Answers one request.
     *
     * @param request the JSON request; {@code null} is read as an empty request
     * @return the JSON answer (a decision or an error object), with no trailing newline
     */
    public static String evaluate(String request) {
        Buffers buffers = Buffers.ofThisThread();
        return buffers.decode(buffers.answer(request == null ? null : Utf8.encode(request)));
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
        return copy(Buffers.ofThisThread().answer(request));
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
        Buffers buffers = Buffers.ofThisThread();
        String[] answers = new String[requests.size()];
        for (int i = 0; i < answers.length; i++) {
            String request = requests.get(i);
            answers[i] = buffers.decode(buffers.answer(request == null ? null : Utf8.encode(request)));
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
        Buffers buffers = Buffers.ofThisThread();
        byte[][] answers = new byte[requests.size()][];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = copy(buffers.answer(requests.get(i)));
        }
        return Collections.unmodifiableList(Arrays.asList(answers));
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
        if (requests == null || out == null) {
            throw new NullPointerException(requests == null ? "requests" : "out");
        }
        Buffers buffers = Buffers.ofThisThread();
        long count = 0;
        for (byte[] request : requests) {
            ByteBuffer answer = buffers.answer(request);
            int length = answer.remaining();
            byte[] bytes = buffers.text(length + 1);
            answer.get(bytes, 0, length);
            bytes[length] = '\n';
            out.write(bytes, 0, length + 1);
            count++;
        }
        return count;
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
     * One thread's buffers, kept from one call to the next: native memory (direct buffers)
     * where a request is copied for the native library and where it writes the answer, passed
     * by address, and an array where an answer is copied to become a {@code String}.
     */
    private static final class Buffers {
        private ByteBuffer request;
        private long requestAddress;
        private ByteBuffer answer;
        private long answerAddress;
        private byte[] text = new byte[BUFFER_BYTES];

        private Buffers() {
            request = ByteBuffer.allocateDirect(BUFFER_BYTES);
            requestAddress = address(request);
            answer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            answerAddress = address(answer);
        }

        static Buffers ofThisThread() {
            SoftReference<Buffers> held = BUFFERS.get();
            Buffers buffers = held == null ? null : held.get();
            if (buffers == null) {
                buffers = new Buffers();
                BUFFERS.set(new SoftReference<Buffers>(buffers));
            }
            return buffers;
        }

        /**
         * Answers the request into the answer buffer and returns the buffer holding the
         * answer, from position 0 to its length; it is the thread's until its next call.
         */
        ByteBuffer answer(byte[] request) {
            int requestLength = request == null ? 0 : request.length;
            ByteBuffer in = this.request;
            long inAddress = requestAddress;
            if (requestLength > in.capacity()) {
                in = ByteBuffer.allocateDirect(requestLength);
                inAddress = address(in);
                if (requestLength <= KEPT_BUFFER_BYTES) {
                    this.request = in;
                    requestAddress = inAddress;
                }
            }
            if (requestLength > 0) {
                in.clear();
                in.put(request);
            }
            ByteBuffer out = answer;
            long length = evaluateInto(inAddress, requestLength, answerAddress, out.capacity());
            if (length > out.capacity()) {
                // An answer longer than the buffer (a long id): a buffer of its size, kept for
                // the next calls unless it is very large, and the same request again (the same
                // bytes always get the same answer).
                if (length > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("gonghui: an answer of " + length + " bytes");
                }
                out = ByteBuffer.allocateDirect((int) length);
                long outAddress = address(out);
                if (length <= KEPT_BUFFER_BYTES) {
                    answer = out;
                    answerAddress = outAddress;
                }
                long again = evaluateInto(inAddress, requestLength, outAddress, out.capacity());
                if (again != length) {
                    throw new IllegalStateException(
                            "gonghui: the native library answered the same request with "
                                    + length
                                    + " and then "
                                    + again
                                    + " bytes; this is a bug, please report it");
                }
            }
            out.clear();
            out.limit((int) length);
            return out;
        }

        /** The answer in {@code buffer} (from its position to its limit) as a String. */
        String decode(ByteBuffer buffer) {
            int length = buffer.remaining();
            byte[] bytes = text(length);
            buffer.get(bytes, 0, length);
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        /** The array for copying an answer out, of at least {@code length} bytes. */
        byte[] text(int length) {
            if (length <= text.length) {
                return text;
            }
            byte[] bytes = new byte[length];
            if (length <= KEPT_BUFFER_BYTES) {
                text = bytes;
            }
            return bytes;
        }

        /**
         * Calls {@code gonghui_evaluate_into} with the buffers' addresses: JNA's direct mapping
         * is quickest with integer arguments only (no conversion of any), and a pointer is
         * passed as an integer of its width.
         */
        private static long evaluateInto(long request, int requestLength, long answer, int cap) {
            return NativeLib.SIZE_T_IS_64
                    ? NativeLib.gonghui_evaluate_into(request, requestLength, answer, cap)
                    : NativeLib32.gonghui_evaluate_into(
                                    (int) request, requestLength, (int) answer, cap)
                            & 0xffffffffL;
        }

        private static long address(ByteBuffer buffer) {
            return Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
        }
    }
}
