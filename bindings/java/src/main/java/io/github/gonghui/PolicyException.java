package io.github.gonghui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A policy file refused by {@link Policy#load(byte[])}: every problem found in it, since a file
 * is checked whole and refused whole.
 *
 * <p>Checked, as {@link java.io.IOException} is: a policy file comes from outside the program (a
 * clerk revises it), so a broken one is to be expected and handled (shown to whoever wrote it),
 * not a programming error. The mistakes of a program itself ({@code null}, a closed policy) are
 * unchecked exceptions.
 *
 * <p>{@link #getMessage()} is the native library's JSON, byte for byte what the C ABI gives in
 * {@code gonghui_policy_load}'s {@code error} and what JavaScript's {@code new Policy(file)}
 * throws:
 *
 * <pre>{@code
 * {"error":{"code":"invalid_policy","field":null,"message":"政策文件有4处问题",
 *  "problems":[{"field":"mutual_aid.rate_percent","zh":"…","en":"…"},…]}}
 * }</pre>
 *
 * <p>({@code message} in Chinese, the contract's default language; each problem in Chinese and
 * English.) {@link #problems()} gives the same problems as objects.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One problem of a refused file. */
    public static final class Problem {
        private final String field;
        private final String zh;
        private final String en;

        Problem(String field, String zh, String en) {
            this.field = field;
            this.zh = zh;
            this.en = en;
        }

        /**
         * Where the problem is: a parameter id ({@code mutual_aid.rate_percent}), the path of the
         * field at fault ({@code parameters[9].id}), or {@code (file)} for the file as a whole.
         */
        public String field() {
            return field;
        }

        /** The problem in Chinese. */
        public String zh() {
            return zh;
        }

        /** The problem in English. */
        public String en() {
            return en;
        }

        @Override
        public String toString() {
            return field + ": " + en;
        }
    }

    private final String code;
    private final List<Problem> problems;

    PolicyException(String json) {
        super(json);
        String parsedCode = null;
        List<Problem> parsed = new ArrayList<Problem>();
        try {
            ProblemsReader reader = new ProblemsReader(json);
            parsedCode = reader.read(parsed);
        } catch (IllegalArgumentException e) {
            // Not the shape the native library writes: the JSON, kept as the message, says it all.
            parsed.clear();
        }
        this.code = parsedCode == null ? "invalid_policy" : parsedCode;
        this.problems = Collections.unmodifiableList(parsed);
    }

    /**
     * The error's code: {@code invalid_policy}, or {@code internal_error} should the native
     * library itself have failed (a bug; then there are no problems).
     */
    public String code() {
        return code;
    }

    /** Every problem, in the order of the file (an unmodifiable list). */
    public List<Problem> problems() {
        return problems;
    }

    /** The problems as the native library wrote them: the same as {@link #getMessage()}. */
    public String problemsJson() {
        return getMessage();
    }

    /**
     * Reads the native library's error object: a small JSON reader for one known shape, {@code
     * {"error":{"code":…,…,"problems":[{"field":…,"zh":…,"en":…},…]}}}, skipping any other key.
     * Decoding only: the words come from the native library as they are.
     */
    private static final class ProblemsReader {
        /** Reads the value of one member of an object, whose key it is given. */
        private interface Member {
            void read(String key);
        }

        private final String s;
        private int i;
        private String code;

        ProblemsReader(String s) {
            this.s = s;
        }

        /** Fills {@code problems} and returns the code. */
        String read(final List<Problem> problems) {
            object(
                    key -> {
                        if (!key.equals("error")) {
                            skipValue();
                            return;
                        }
                        object(
                                inner -> {
                                    if (inner.equals("code")) {
                                        code = string();
                                    } else if (inner.equals("problems")) {
                                        expect('[');
                                        if (!tryConsume(']')) {
                                            do {
                                                problems.add(problem());
                                            } while (tryConsume(','));
                                            expect(']');
                                        }
                                    } else {
                                        skipValue();
                                    }
                                });
                    });
            skipSpace();
            if (i != s.length()) {
                throw new IllegalArgumentException("text after the object");
            }
            return code;
        }

        private Problem problem() {
            final String[] words = new String[3];
            object(
                    key -> {
                        if (key.equals("field")) {
                            words[0] = string();
                        } else if (key.equals("zh")) {
                            words[1] = string();
                        } else if (key.equals("en")) {
                            words[2] = string();
                        } else {
                            skipValue();
                        }
                    });
            return new Problem(words[0], words[1], words[2]);
        }

        /** An object: each key to {@code member}, which reads its value. */
        private void object(Member member) {
            expect('{');
            if (tryConsume('}')) {
                return;
            }
            do {
                String key = string();
                expect(':');
                member.read(key);
            } while (tryConsume(','));
            expect('}');
        }

        private void skipValue() {
            skipSpace();
            if (i >= s.length()) {
                throw new IllegalArgumentException("end of text");
            }
            char c = s.charAt(i);
            if (c == '"') {
                string();
            } else if (c == '{') {
                object(key -> skipValue());
            } else if (c == '[') {
                i++;
                if (!tryConsume(']')) {
                    do {
                        skipValue();
                    } while (tryConsume(','));
                    expect(']');
                }
            } else {
                // null, true, false or a number: up to the next delimiter.
                while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated escape");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"':
                    case '\\':
                    case '/':
                        out.append(e);
                        break;
                    case 'b':
                        out.append('\b');
                        break;
                    case 'f':
                        out.append('\f');
                        break;
                    case 'n':
                        out.append('\n');
                        break;
                    case 'r':
                        out.append('\r');
                        break;
                    case 't':
                        out.append('\t');
                        break;
                    case 'u':
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("short \\u escape");
                        }
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown escape \\" + e);
                }
            }
        }

        private void expect(char c) {
            if (!tryConsume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
        }

        private boolean tryConsume(char c) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }
    }
}
