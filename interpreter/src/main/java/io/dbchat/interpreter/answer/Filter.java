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
 * condition makes the filter unknown (null), since a sentence naming only part of it would mislead. A column of a
 * joined table is said with that table's name ("No users have team name Data."), not as the subject's own.
 */
record Filter(List<Equality> equalities) {

    /** One {@code column = 'value'} condition; {@code column} holds the joined table's name before it when it has one. */
    record Equality(String column, String value) {
    }

    private static final Pattern WHERE = Pattern.compile(
            "(?is)\\bWHERE\\b(.*?)(?:\\bGROUP\\s+BY\\b|\\bORDER\\s+BY\\b|\\bHAVING\\b|\\bLIMIT\\b|\\bOFFSET\\b|;|$)");
    private static final Pattern EQUALS = Pattern.compile(
            "^\\(*\\s*(?:(\\w+)\\.)?\"?(\\w+)\"?\\s*=\\s*'((?:[^']|'')*)'\\s*\\)*$", Pattern.DOTALL);
    /** {@code JOIN schema.table alias}: which table a qualifier names. */
    private static final Pattern JOINED = Pattern.compile(
            "(?i)\\bJOIN\\s+(?:(?:\"[^\"]+\"|\\w+)\\.)?\"?(\\w+)\"?(?:\\s+(?:AS\\s+)?(?!ON\\b)(\\w+))?");
    private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");
    /** Columns whose value reads as what a row is: "projects are On Hold", not "projects have status On Hold". */
    private static final Set<String> STATES = Set.of("status", "state", "stage", "phase", "type", "kind",
            "category", "priority", "role", "level");

    static Filter of(String sql) {
        Matcher where = sql == null ? null : WHERE.matcher(sql);
        if (where == null || !where.find()) {
            return null;
        }
        java.util.Map<String, String> joined = joinedTables(sql);
        List<Equality> equalities = new ArrayList<>();
        for (String condition : AND.split(where.group(1).strip())) {
            Matcher m = EQUALS.matcher(condition.strip());
            if (!m.matches()) {
                return null;
            }
            String table = m.group(1) == null ? null : joined.get(m.group(1).toLowerCase(Locale.ROOT));
            String column = table == null ? m.group(2) : table + " " + m.group(2);
            equalities.add(new Equality(column, m.group(3).replace("''", "'")));
        }
        return new Filter(List.copyOf(equalities));
    }

    /** The joined tables by alias (and by name), each as a singular word: {@code JOIN teams t} gives t → team. */
    private static java.util.Map<String, String> joinedTables(String sql) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        Matcher m = JOINED.matcher(sql);
        while (m.find()) {
            String table = new Subject(Subject.pluralOf(m.group(1).replace('_', ' ').toLowerCase(Locale.ROOT))).singular();
            out.put(m.group(1).toLowerCase(Locale.ROOT), table);
            if (m.group(2) != null) {
                out.put(m.group(2).toLowerCase(Locale.ROOT), table);
            }
        }
        return out;
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
