package io.github.gonghui;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A policy to answer under: a policy file of your own ({@link #load(byte[])}), or the published
 * policy ({@link #published()}), which {@link Gonghui} answers under.
 *
 * <pre>{@code
 * try (Policy policy = Policy.load(Paths.get("my-revision.json"))) {
 *     String answer = policy.evaluate(requestJson);   // "policy":"my-revision", …
 * } catch (PolicyException e) {
 *     for (PolicyException.Problem p : e.problems()) {
 *         System.err.println(p.field() + ": " + p.en());
 *     }
 * }
 * }</pre>
 *
 * <p>The file is the JSON of docs/POLICY-FILES.md ({@code gonghui policy show} prints the
 * published one). It is checked whole by the native library when it is loaded, and refused
 * whole: {@link PolicyException} carries every problem. A loaded policy answers exactly as
 * {@link Gonghui} does, with the file's values: its id is in every decision's {@code policy} and
 * {@code stamp}, and {@link #digest()} in {@code stamp.parameters}.
 *
 * <p><b>Threads.</b> A policy never changes once loaded: any number of threads may evaluate
 * under one {@code Policy} at once. {@link #close()} may be called from any thread, at any time,
 * even while others evaluate: it waits for the calls under way (a read-write lock: every call
 * holds the read lock while the native library answers, and closing takes the write lock), then
 * frees the native policy. Every call after it throws {@link IllegalStateException}; none can
 * reach freed memory. Closing twice does nothing.
 *
 * <p><b>Memory.</b> The native policy lives outside the Java heap until it is closed; a {@code
 * Policy} that is never closed keeps it until the process ends. Load a file once and share the
 * {@code Policy}. Answers are copied out of the native library, through the calling thread's
 * buffers as {@link Gonghui}'s are, and outlive the policy.
 */
public final class Policy implements AutoCloseable {
    /** The published policy: never freed, so neither locked nor closed. */
    private static final Policy PUBLISHED = new Policy(NativeLib.gonghui_policy_published(), 0);

    /**
     * The native handle, or {@code null} once closed. For the published policy, its static
     * handle (read for the id and digest only).
     */
    private Pointer handle;

    /**
     * The handle's address, passed to {@code gonghui_policy_evaluate_into} as an integer; 0 for
     * the published policy, answered through {@code gonghui_evaluate_into}, which takes none.
     */
    private final long address;

    /** Held for reading by every call, for writing by {@link #close()}; null when published. */
    private final ReentrantReadWriteLock lock;

    private final String id;
    private final String digest;

    private Policy(Pointer handle, long address) {
        if (handle == null) {
            throw new IllegalStateException(
                    "gonghui: the native library has no published policy; this is a bug");
        }
        this.handle = handle;
        this.address = address;
        this.lock = address == 0 ? null : new ReentrantReadWriteLock();
        this.id = NativeLib.gonghui_policy_id(handle).getString(0, "UTF-8");
        this.digest = NativeLib.gonghui_policy_digest(handle).getString(0, "UTF-8");
    }

    /**
     * The published policy, the one {@link Gonghui} answers under (its id is {@code
     * jiangxi-1269}). It is shared and never freed: {@link #close()} does nothing to it.
     */
    public static Policy published() {
        return PUBLISHED;
    }

    /**
     * Loads a policy file: its bytes, checked whole.
     *
     * @param file the file's bytes, UTF-8 JSON
     * @return the policy, to be closed when no longer used
     * @throws PolicyException when the file is refused: every problem, each under the parameter
     *     id or the path of the field at fault (an empty file, one that is not UTF-8 or not JSON
     *     included)
     * @throws NullPointerException if {@code file} is {@code null}
     */
    public static Policy load(byte[] file) throws PolicyException {
        if (file == null) {
            throw new NullPointerException("file");
        }
        Memory error = new Memory(Native.POINTER_SIZE);
        error.setPointer(0, null);
        Pointer handle =
                NativeLib.SIZE_T_IS_64
                        ? NativeLib.gonghui_policy_load(file, file.length, error)
                        : NativeLib32.gonghui_policy_load(file, file.length, error);
        if (handle != null) {
            return new Policy(handle, Pointer.nativeValue(handle));
        }
        Pointer problems = error.getPointer(0);
        if (problems == null) {
            throw new IllegalStateException(
                    "gonghui: the native library refused the policy file without saying why;"
                            + " this is a bug, please report it");
        }
        try {
            throw new PolicyException(problems.getString(0, "UTF-8"));
        } finally {
            NativeLib.gonghui_string_free(problems);
        }
    }

    /**
     * Loads a policy file from a path, as {@link #load(byte[])} does with its bytes.
     *
     * @throws IOException if the file cannot be read
     * @throws PolicyException when the file is refused, with every problem
     */
    public static Policy load(Path file) throws IOException, PolicyException {
        return load(Files.readAllBytes(file));
    }

    /**
     * The policy's id ({@code "example-extended-2027"}), the one every decision under it carries
     * in {@code policy} and {@code stamp.policy}. Readable after {@link #close()} too.
     */
    public String id() {
        return id;
    }

    /**
     * The digest of the policy's parameters ({@code "sha256:"} and 64 hexadecimal digits), the
     * one every decision under it carries in {@code stamp.parameters} when the request overrides
     * nothing. Readable after {@link #close()} too.
     */
    public String digest() {
        return digest;
    }

    /**
     * Answers one request under this policy.
     *
     * @param request the JSON request; {@code null} is read as an empty request
     * @return the JSON answer (a decision or an error object), with no trailing newline
     * @throws IllegalStateException if the policy was closed
     */
    public String evaluate(String request) {
        byte[] bytes = request == null ? null : Utf8.encode(request);
        Buffers buffers = Buffers.ofThisThread();
        Lock read = enter();
        try {
            return buffers.decode(buffers.answer(address, bytes));
        } finally {
            exit(read);
        }
    }

    /**
     * Answers one request given as bytes, with the answer's bytes: byte for byte what {@link
     * #evaluate} answers, as UTF-8.
     *
     * @param request the request's UTF-8 bytes; {@code null} is read as an empty request, and
     *     bytes that are not UTF-8 get a {@code malformed_request} error object
     * @return the answer's UTF-8 bytes, with no trailing newline; a new array, the caller's
     * @throws IllegalStateException if the policy was closed
     */
    public byte[] evaluateBytes(byte[] request) {
        Buffers buffers = Buffers.ofThisThread();
        Lock read = enter();
        try {
            return Buffers.copy(buffers.answer(address, request));
        } finally {
            exit(read);
        }
    }

    /**
     * Answers many requests: {@code evaluateBatch(requests).get(i)} equals {@code
     * evaluate(requests.get(i))} for every {@code i}.
     *
     * @param requests the JSON requests; elements may be {@code null}
     * @return one answer per request, in order (an unmodifiable list)
     * @throws NullPointerException if {@code requests} is {@code null}
     * @throws IllegalStateException if the policy was closed, before or during the batch
     */
    public List<String> evaluateBatch(List<String> requests) {
        if (requests == null) {
            throw new NullPointerException("requests");
        }
        Buffers buffers = Buffers.ofThisThread();
        String[] answers = new String[requests.size()];
        for (int i = 0; i < answers.length; i++) {
            String request = requests.get(i);
            byte[] bytes = request == null ? null : Utf8.encode(request);
            Lock read = enter();
            try {
                answers[i] = buffers.decode(buffers.answer(address, bytes));
            } finally {
                exit(read);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(answers));
    }

    /**
     * Answers many requests given as bytes, with the answers' bytes: {@code
     * evaluateBatchBytes(requests).get(i)} has the bytes of {@code
     * evaluateBytes(requests.get(i))} for every {@code i}.
     *
     * @param requests the requests' UTF-8 bytes; elements may be {@code null}
     * @return one answer per request, in order (an unmodifiable list of new arrays)
     * @throws NullPointerException if {@code requests} is {@code null}
     * @throws IllegalStateException if the policy was closed, before or during the batch
     */
    public List<byte[]> evaluateBatchBytes(List<byte[]> requests) {
        if (requests == null) {
            throw new NullPointerException("requests");
        }
        Buffers buffers = Buffers.ofThisThread();
        byte[][] answers = new byte[requests.size()][];
        for (int i = 0; i < answers.length; i++) {
            byte[] request = requests.get(i);
            Lock read = enter();
            try {
                answers[i] = Buffers.copy(buffers.answer(address, request));
            } finally {
                exit(read);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(answers));
    }

    /**
     * Answers many requests given as bytes and writes the answers to {@code out} as JSON Lines:
     * each answer's UTF-8 bytes (those of {@link #evaluateBytes}) followed by {@code '\n'}, in
     * order, with nothing allocated per answer. No lock is held while {@code out} writes, so a
     * slow stream never holds up {@link #close()}.
     *
     * @param requests the requests' UTF-8 bytes; elements may be {@code null}
     * @param out where the answers go; not flushed nor closed here. It is handed this thread's
     *     own array for each answer, which it must not keep past the call to {@code write} (as
     *     {@link OutputStream} asks), and must not call gonghui while it writes
     * @return the number of answers written
     * @throws IOException if {@code out} throws it (the answers before it were written)
     * @throws NullPointerException if {@code requests} or {@code out} is {@code null}
     * @throws IllegalStateException if the policy was closed, before or during the batch (the
     *     answers before it were written)
     */
    public long evaluateBatchTo(Iterable<byte[]> requests, OutputStream out) throws IOException {
        if (requests == null || out == null) {
            throw new NullPointerException(requests == null ? "requests" : "out");
        }
        Buffers buffers = Buffers.ofThisThread();
        long count = 0;
        for (byte[] request : requests) {
            byte[] bytes;
            int length;
            Lock read = enter();
            try {
                ByteBuffer answer = buffers.answer(address, request);
                length = answer.remaining();
                bytes = buffers.text(length + 1);
                answer.get(bytes, 0, length);
            } finally {
                exit(read);
            }
            bytes[length] = '\n';
            out.write(bytes, 0, length + 1);
            count++;
        }
        return count;
    }

    /**
     * Frees the native policy, once the calls under way have returned; every later call throws
     * {@link IllegalStateException}. Closing again does nothing, and so does closing {@link
     * #published()}.
     */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (handle != null) {
                NativeLib.gonghui_policy_free(handle);
                handle = null;
            }
        } finally {
            write.unlock();
        }
    }

    /** Whether {@link #close()} has freed this policy (never true of {@link #published()}). */
    public boolean isClosed() {
        if (lock == null) {
            return false;
        }
        Lock read = lock.readLock();
        read.lock();
        try {
            return handle == null;
        } finally {
            read.unlock();
        }
    }

    @Override
    public String toString() {
        return "Policy[" + id + ", " + digest + (isClosed() ? ", closed]" : "]");
    }

    /**
     * Takes the read lock for one native call (none for the published policy), after which the
     * handle is known to be alive until {@link #exit}.
     */
    private Lock enter() {
        if (lock == null) {
            return null;
        }
        Lock read = lock.readLock();
        read.lock();
        if (handle == null) {
            read.unlock();
            throw new IllegalStateException("gonghui: the policy " + id + " was closed");
        }
        return read;
    }

    private static void exit(Lock read) {
        if (read != null) {
            read.unlock();
        }
    }
}
