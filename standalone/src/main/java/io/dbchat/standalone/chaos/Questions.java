package io.dbchat.standalone.chaos;

import java.util.List;

/**
 * The questions a fault-injection run (and {@code dbchat bench model}) asks of the demo database, and the SQL the
 * scripted model answers.
 */
public final class Questions {

    public record Question(String text, String sql) {
    }

    public static final List<Question> ALL = List.of(
            new Question("How many users are there?", "SELECT count(*) AS count FROM users"),
            new Question("How many projects are there per status?",
                    "SELECT status, count(*) AS count FROM projects GROUP BY status"),
            new Question("Which teams are there?", "SELECT name FROM teams ORDER BY name"),
            new Question("How many tasks are there?", "SELECT count(*) AS count FROM tasks"),
            new Question("How many clients are there?", "SELECT count(*) AS count FROM clients"),
            new Question("What is the total budget of all projects?", "SELECT sum(budget) AS total_budget FROM projects"));

    /** A follow-up that recovery probes ask in conversations of their own. */
    static final Question PROBE = new Question("And how many teams are there now?", "SELECT count(*) AS count FROM teams");

    private Questions() {
    }

    public static Question at(long i) {
        return ALL.get((int) (i % ALL.size()));
    }

    /** The SQL for the question the prompt ends with; an unknown one gets a query that still runs. */
    public static String sqlFor(String prompt) {
        if (prompt.contains(PROBE.text())) {
            return PROBE.sql();
        }
        return ALL.stream().filter(q -> prompt.contains(q.text())).map(Question::sql).findFirst()
                .orElse("SELECT count(*) AS count FROM teams");
    }
}
