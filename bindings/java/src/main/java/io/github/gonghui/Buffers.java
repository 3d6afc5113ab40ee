package io.github.gonghui;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One thread's buffers, kept from one call to the next: native memory (direct buffers) where a
 * request is copied for the native library and where it writes the answer, passed by address,
 * and an array where an answer is copied to become a {@code String}. Every {@link Policy}, the
 * published one included, answers through the calling thread's buffers.
 */
final class Buffers {
    /** The size of each thread's buffers at first: most answers are under 4 KiB. */
    static final int BUFFER_BYTES = 16 * 1024;

    /** The largest buffer a thread keeps; a longer request or answer gets one for its call. */
    static final int KEPT_BUFFER_BYTES = 1024 * 1024;

    /**
     * Each thread's buffers, softly held as Jackson holds its buffer recyclers: the memory goes
     * back when the JVM runs short of it, and a thread outliving an application (a pooled thread
     * in a servlet container) does not keep this library's classes alive for good.
     */
    private static final ThreadLocal<SoftReference<Buffers>> BUFFERS =
            new ThreadLocal<SoftReference<Buffers>>();

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
     * Answers the request into the answer buffer and returns the buffer holding the answer, from
     * position 0 to its length; it is the thread's until its next call.
     *
     * @param policy the address of a {@code gonghui_policy} handle the caller keeps alive for
     *     the call, or 0 for the published policy (through {@code gonghui_evaluate_into}, which
     *     takes no handle)
     */
    ByteBuffer answer(long policy, byte[] request) {
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
        long length = evaluateInto(policy, inAddress, requestLength, answerAddress, out.capacity());
        if (length > out.capacity()) {
            // An answer longer than the buffer (a long id): a buffer of its size, kept for the
            // next calls unless it is very large, and the same request again (the same bytes
            // always get the same answer).
            if (length > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("gonghui: an answer of " + length + " bytes");
            }
            out = ByteBuffer.allocateDirect((int) length);
            long outAddress = address(out);
            if (length <= KEPT_BUFFER_BYTES) {
                answer = out;
                answerAddress = outAddress;
            }
            long again = evaluateInto(policy, inAddress, requestLength, outAddress, out.capacity());
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

    /** The answer's bytes, from the buffer's position to its limit, in a new array. */
    static byte[] copy(ByteBuffer answer) {
        byte[] bytes = new byte[answer.remaining()];
        answer.get(bytes);
        return bytes;
    }

    /**
     * Calls {@code gonghui_evaluate_into}, or {@code gonghui_policy_evaluate_into} under a
     * handle, with the buffers' addresses: JNA's direct mapping is quickest with integer
     * arguments only (no conversion of any), and a pointer is passed as an integer of its width.
     */
    private static long evaluateInto(
            long policy, long request, int requestLength, long answer, int cap) {
        if (policy == 0) {
            return NativeLib.SIZE_T_IS_64
                    ? NativeLib.gonghui_evaluate_into(request, requestLength, answer, cap)
                    : NativeLib32.gonghui_evaluate_into(
                                    (int) request, requestLength, (int) answer, cap)
                            & 0xffffffffL;
        }
        return NativeLib.SIZE_T_IS_64
                ? NativeLib.gonghui_policy_evaluate_into(
                        policy, request, requestLength, answer, cap)
                : NativeLib32.gonghui_policy_evaluate_into(
                                (int) policy, (int) request, requestLength, (int) answer, cap)
                        & 0xffffffffL;
    }

    private static long address(ByteBuffer buffer) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }
}
