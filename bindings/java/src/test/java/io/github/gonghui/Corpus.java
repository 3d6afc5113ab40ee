package io.github.gonghui;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conformance corpus ({@code tests/conformance}, given by the system property {@code
 * gonghui.corpus}): pairs {@code STEM.requests.jsonl} / {@code STEM.answers.jsonl}.
 */
final class Corpus {
    /** One pair of files. */
    static final class Pair {
        final String stem;
        final byte[] requests;
        final byte[] answers;
        final List<byte[]> requestLines;
        final List<byte[]> answerLines;

        Pair(String stem, byte[] requests, byte[] answers) {
            this.stem = stem;
            this.requests = requests;
            this.answers = answers;
            this.requestLines = lines(requests);
            this.answerLines = lines(answers);
        }
    }

    private Corpus() {}

    static File directory() {
        String dir = System.getProperty("gonghui.corpus");
        if (dir == null) {
            throw new IllegalStateException(
                    "set -Dgonghui.corpus=DIR to the conformance corpus (tests/conformance)");
        }
        File file = new File(dir);
        if (!file.isDirectory()) {
            throw new IllegalStateException("no corpus directory at " + file.getAbsolutePath());
        }
        return file;
    }

    static List<Pair> load() throws IOException {
        return load(directory());
    }

    /**
     * A directory named by a system property (set by scripts/test-c-java.sh): {@code
     * gonghui.policies} for tests/policies, {@code gonghui.policyFiles} for examples/policies.
     */
    static File directory(String property) {
        String dir = System.getProperty(property);
        if (dir == null || !new File(dir).isDirectory()) {
            throw new IllegalStateException("set -D" + property + "=DIR to an existing directory");
        }
        return new File(dir);
    }

    /** Every pair of {@code dir}, sorted by stem. */
    static List<Pair> load(File dir) throws IOException {
        String suffix = ".requests.jsonl";
        String[] names = dir.list();
        Arrays.sort(names);
        List<Pair> pairs = new ArrayList<Pair>();
        for (String name : names) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                String stem = name.substring(0, name.length() - suffix.length());
                byte[] requests = Files.readAllBytes(new File(dir, name).toPath());
                byte[] answers =
                        Files.readAllBytes(new File(dir, stem + ".answers.jsonl").toPath());
                pairs.add(new Pair(stem, requests, answers));
            }
        }
        return pairs;
    }

    /** The lines of a file, without their {@code \n} (nor a {@code \r} before it). */
    static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<byte[]>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            lines.add(Arrays.copyOfRange(bytes, start, stop));
            start = end + 1;
        }
        return lines;
    }

    /** Strict UTF-8 decoding; null when the bytes are not UTF-8. */
    static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
