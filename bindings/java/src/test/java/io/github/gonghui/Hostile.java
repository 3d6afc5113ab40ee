package io.github.gonghui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Requests meant to break things; every one must be answered with an error object. */
final class Hostile {
    private Hostile() {}

    static final String MUTUAL_AID_PREFIX =
            "{\"question\":\"mutual_aid_subsidy\",\"facts\":{\"chains\":[\"steel\"],"
                    + "\"enrolled_years\":[2024,2025],\"year\":2025,\"premium_fen\":";

    /** The cases, each {@code {name, request}}. */
    static List<String[]> cases() {
        List<String[]> cases = new ArrayList<String[]>();
        add(cases, "null", null);
        add(cases, "empty", "");
        add(cases, "whitespace", " \t ");
        add(cases, "not JSON", "hello, union");
        add(cases, "Chinese, not JSON", "工会：助力“1269”建功新时代");
        add(cases, "unterminated object", "{\"question\":");
        add(cases, "JSON null", "null");
        add(cases, "JSON array", "[{\"question\":\"catalog\"}]");
        add(cases, "empty object", "{}");
        add(cases, "two objects", "{\"question\":\"catalog\"}{\"question\":\"catalog\"}");
        add(cases, "question not a string", "{\"question\":5}");
        add(cases, "unknown question", "{\"question\":\"free_lunch\",\"facts\":{}}");
        add(cases, "lone high surrogate (Java char)", "{\"id\":\"\uD800\",\"question\":\"catalog\"}");
        add(cases, "lone low surrogate (Java char)", "{\"id\":\"\uDC00x\",\"question\":\"catalog\"}");
        add(cases, "swapped surrogates", "{\"id\":\"\uDC00\uD800\",\"question\":\"catalog\"}");
        add(cases, "lone surrogate escaped", "{\"id\":\"\\ud800\",\"question\":\"catalog\"}");
        add(cases, "NUL char inside", "{\"question\":\"catalog\"}\u0000{}");
        add(cases, "only NUL", "\u0000");
        add(cases, "raw control char", "{\"id\":\"a\u0001\",\"question\":\"catalog\"}");
        add(cases, "number beyond 2^53", MUTUAL_AID_PREFIX + "9007199254740993}}");
        add(cases, "negative money", MUTUAL_AID_PREFIX + "-1}}");
        add(cases, "money with decimals", MUTUAL_AID_PREFIX + "100.5}}");
        add(cases, "pretty-printed, broken", "{\n  \"question\": \"mutual_aid_subsidy\",\n  \"facts\": 7\n}");
        add(cases, "CRLF inside", "{\"question\":\r\n5}");
        add(cases, "trailing CR", "{\"question\":5}\r");
        add(cases, "10 MB of digits", repeat("1234567890", 1000000));
        add(cases, "10 MB number in a field", MUTUAL_AID_PREFIX + repeat("9999999999", 1000000) + "}}");
        add(cases, "deep nesting [[[[", repeat("[", 1000000));
        add(cases, "deep nesting in facts", "{\"question\":\"catalog\",\"facts\":" + repeat("{\"a\":", 100000));
        return Collections.unmodifiableList(cases);
    }

    static List<String> requests() {
        List<String> requests = new ArrayList<String>();
        for (String[] c : cases()) {
            requests.add(c[1]);
        }
        return requests;
    }

    /** The small ones, for the many-threads test. */
    static List<String> smallRequests() {
        List<String> requests = new ArrayList<String>();
        for (String request : requests()) {
            if (request == null || request.length() < 10000) {
                requests.add(request);
            }
        }
        return requests;
    }

    private static void add(List<String[]> cases, String name, String request) {
        cases.add(new String[] {name, request});
    }

    static String repeat(String unit, int count) {
        StringBuilder sb = new StringBuilder(unit.length() * count);
        for (int i = 0; i < count; i++) {
            sb.append(unit);
        }
        return sb.toString();
    }

    /** True when the answer looks like one JSON object with an "error" object in it. */
    static boolean isErrorObject(String answer) {
        return answer != null
                && answer.startsWith("{")
                && answer.endsWith("}")
                && answer.indexOf('\n') < 0
                && answer.contains("\"error\":{");
    }
}
