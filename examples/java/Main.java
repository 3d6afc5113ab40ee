import io.github.gonghui.Gonghui;
import java.util.Arrays;
import java.util.List;

/** Asks gonghui one question, then two at once, from Java. Build and run: see README.md. */
public class Main {
    public static void main(String[] args) {
        String request =
                "{\"id\":\"app-0042\",\"question\":\"mutual_aid_subsidy\",\"lang\":\"en\","
                        + "\"facts\":{\"chains\":[\"steel\"],\"clusters\":[],"
                        + "\"enrolled_years\":[2023,2024,2025],\"year\":2025,"
                        + "\"premium_fen\":1200000}}";

        // One request, one answer: a decision or an error object (never an exception).
        System.out.println("gonghui " + Gonghui.version());
        System.out.println(Gonghui.evaluate(request));

        // Many requests: one native call, one answer per request, in order.
        List<String> answers =
                Gonghui.evaluateBatch(
                        Arrays.asList(
                                request,
                                "{\"id\":\"app-0043\",\"question\":\"studio_quota\",\"lang\":\"en\","
                                        + "\"facts\":{\"total_slots\":20,"
                                        + "\"advanced_manufacturing_slots\":9}}"));
        for (String answer : answers) {
            System.out.println(answer);
        }
    }
}
