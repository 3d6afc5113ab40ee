package io.github.gonghui;

import com.sun.jna.Pointer;
import java.io.ByteArrayOutputStream;
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
 * <p><b>Errors.</b> A broken request (null, empty, not JSON, a lone surrogate, 10 MB of
 * digits) is answered with an error object, never with an exception. Exceptions are kept for
 * programming errors: a {@code null} list given to {@link #evaluateBatch}.
 *
 * <p><b>Encoding.</b> Requests travel as UTF-8 and answers are read as UTF-8, whatever the
 * JVM's default charset ({@code file.encoding}, {@code LC_ALL}).
 *
 * <p><b>Memory.</b> Each answer is copied into a Java {@code String} and the native copy freed
 * before the method returns; nothing needs closing.
 *
 * <p><b>Threads.</b> Every method may be called from any number of threads at once: the native
 * library keeps no state between calls.
 *
 * <p><b>Loading.</b> The native library {@code gonghui_ffi} is loaded by JNA on first use:
 * from {@code -Djna.library.path=DIR}, the system's library path, or the jar (under JNA's
 * platform prefix, e.g. {@code linux-x86-64/libgonghui_ffi.so}); {@code -Dgonghui.library}
 * may name another file. If it cannot be found, the first call throws {@link
 * UnsatisfiedLinkError} saying where it looked.
 */
public final class Gonghui {
    /**
     * Input bytes per native batch call; larger batches are cut into several calls, which
     * bounds the size of the native answer (several times that of the requests).
     */
    static final int BATCH_CHUNK_BYTES = 1 << 20;

    private Gonghui() {}

    /**
     * Answers one request.
     *
     * @param request the JSON request; {@code null} is read as an empty request
     * @return the JSON answer (a decision or an error object), with no trailing newline
     */
    public static String evaluate(String request) {
        return evaluateUtf8(request == null ? null : Utf8.encode(request));
    }

    /**
     * Answers many requests, in one native call per megabyte of requests (JSON Lines under
     * the hood). Per request it costs about what {@link #evaluate} costs: a JNA call is cheap
     * beside the engine's own work (figures in the binding's README).
     *
     * <p>{@code evaluateBatch(requests).get(i)} equals {@code evaluate(requests.get(i))} for
     * every {@code i}. A request that cannot travel as one JSON Lines line (one containing a
     * line break, such as pretty-printed JSON; an empty one; {@code null}) is answered by
     * {@link #evaluate} on its own, so it too gets the answer it would get alone.
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
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        int[] chunkIndexes = new int[Math.max(1, requests.size())];
        int chunkCount = 0;
        for (int i = 0; i < answers.length; i++) {
            String request = requests.get(i);
            if (request == null
                    || request.isEmpty()
                    || request.indexOf('\n') >= 0
                    || request.indexOf('\r') >= 0) {
                answers[i] = evaluate(request);
                continue;
            }
            byte[] line = Utf8.encode(request);
            if (chunkCount > 0 && chunk.size() + line.length + 1 > BATCH_CHUNK_BYTES) {
                answerChunk(chunk, chunkIndexes, chunkCount, answers);
                chunk.reset();
                chunkCount = 0;
            }
            chunk.write(line, 0, line.length);
            chunk.write('\n');
            chunkIndexes[chunkCount++] = i;
        }
        if (chunkCount > 0) {
            answerChunk(chunk, chunkIndexes, chunkCount, answers);
        }
        return Collections.unmodifiableList(Arrays.asList(answers));
    }

    /** The version of the loaded native library and its engine, e.g. {@code "0.1.0"}. */
    public static String version() {
        return NativeLib.gonghui_version().getString(0, "UTF-8");
    }

    /** Answers one request given as bytes (meant to be UTF-8; anything else gets an error). */
    static String evaluateUtf8(byte[] request) {
        long len = request == null ? 0 : request.length;
        Pointer answer =
                NativeLib.SIZE_T_IS_64
                        ? NativeLib.gonghui_evaluate_bytes(request, len)
                        : NativeLib32.gonghui_evaluate_bytes(request, (int) len);
        return take(answer);
    }

    /** Answers JSON Lines given as bytes with JSON Lines, in one native call. */
    static String evaluateLines(byte[] lines, int length) {
        Pointer answer =
                NativeLib.SIZE_T_IS_64
                        ? NativeLib.gonghui_evaluate_batch(lines, length)
                        : NativeLib32.gonghui_evaluate_batch(lines, length);
        return take(answer);
    }

    /**
     * Answers the requests of one chunk in one native call, and puts each answer line at its
     * request's index. (Decoding the whole answer at once, then cutting it, is faster than
     * decoding line by line from the native bytes: JNA's search for the NUL is slow.)
     */
    private static void answerChunk(
            ByteArrayOutputStream chunk, int[] indexes, int count, String[] answers) {
        byte[] lines = chunk.toByteArray();
        String jsonLines = evaluateLines(lines, lines.length);
        int k = 0;
        int start = 0;
        int end;
        while ((end = jsonLines.indexOf('\n', start)) >= 0) {
            if (k < count) {
                answers[indexes[k]] = jsonLines.substring(start, end);
            }
            k++;
            start = end + 1;
        }
        if (k != count || start != jsonLines.length()) {
            throw new IllegalStateException(
                    "gonghui: the native library answered "
                            + k
                            + " lines for "
                            + count
                            + " requests; this is a bug, please report it");
        }
    }

    /** Copies a native answer into a String (as UTF-8) and frees the native one. */
    private static String take(Pointer answer) {
        if (answer == null) {
            // The C ABI promises never to return NULL; should it, say so.
            throw new IllegalStateException("gonghui: the native library returned NULL");
        }
        try {
            return answer.getString(0, "UTF-8");
        } finally {
            NativeLib.gonghui_string_free(answer);
        }
    }
}
