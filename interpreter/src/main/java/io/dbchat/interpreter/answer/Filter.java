package io.dbchat.interpreter.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query looked for, when its WHERE clause is only equalities on text literals joined by AND
 * ({@code status = 'On Hold'}), so that a count or an empty result can say it: "No projects are On Hold." Any other
 * condition makes the filter unknown (null), since a sentence naming only part of it would mislead.
 */
record Filter(List<Equality> equalities) {

    /** One {@code column = 'value'} condition. */
    record Equality(String column, String value) {
    }

    private static final Pattern WHERE = Pattern.compile(
            "(?is)\\bWHERE\\b(.*?)(?:\\bGROUP\\s+BY\\b|\\bORDER\\s+BY\\b|\\bHAVING\\b|\\bLIMIT\\b|\\bOFFSET\\b|;|$)");
    private static final Pattern EQUALS = Pattern.compile(
            "^\\(*\\s*(?:\\w+\\.)?\"?(\\w+)\"?\\s*=\\s*'((?:[^']|'')*)'\\s*\\)*$", Pattern.DOTALL);
    private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");
    /** Columns whose value reads as what a row is: "projects are On Hold", not "projects have status On Hold". */
    private static final Set<String> STATES = Set.of("status", "state", "stage", "phase", "type", "kind",
            "category", "priority", "role", "level");

    static Filter of(String sql) {
        Matcher where = sql == null ? null : WHERE.matcher(sql);
        if (where == null || !where.find()) {
            return null;
        }
        List<Equality> equalities = new ArrayList<>();
        for (String condition : AND.split(where.group(1).strip())) {
            Matcher m = EQUALS.matcher(condition.strip());
            if (!m.matches()) {
                return null;
            }
            equalities.add(new Equality(m.group(1), m.group(2).replace("''", "'")));
        }
        return new Filter(List.copyOf(equalities));
    }

    /** A count with what it counted: "13 projects are On Hold.", "There are 4 users with team id 7 and role Dev." */
    String countSentence(Subject subject, long count) {
        if (equalities.size() == 1 && STATES.contains(equalities.getFirst().column().toLowerCase(Locale.ROOT))) {
            return TemplatedAnswers.capitalised(subject.counted(count)) + (count == 1 ? " is " : " are ")
                    + equalities.getFirst().value() + ".";
        }
        return (count == 1 ? "There is " : "There are ") + subject.counted(count) + " with " + conditions() + ".";
    }

    private String conditions() {
        return String.join(" and ", equalities.stream().map(e -> e.column().replace('_', ' ') + " " + e.value()).toList());
    }


    String noneSentence(Subject subject) {
        if (equalities.size() == 1 && STATES.contains(equalities.getFirst().column().toLowerCase(Locale.ROOT))) {
            return "No " + subject.plural() + " are " + equalities.getFirst().value() + ".";
        }
        return "No " + subject.plural() + " have " + conditions() + ".";
    }
}
