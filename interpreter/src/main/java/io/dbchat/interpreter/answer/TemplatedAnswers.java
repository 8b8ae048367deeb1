package io.dbchat.interpreter.answer;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.Understanding;
import io.dbchat.interpreter.result.ColumnKind;
import io.dbchat.interpreter.result.Values;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Answers in words without an LLM, from the shape of the result: a count ("There are 1,234 users."), a single
 * value, a single row, grouped counts or sums, a list ("... and 37 more"), or nothing ("No projects are On
 * Hold."); a truncated result says so, and a rejection is answered with its reason.
 */
public final class TemplatedAnswers {

    /** How many rows of a list are named before "and N more". */
    static final int LISTED = 5;

    private TemplatedAnswers() {
    }

    public static String answer(QueryResult result) {
        return switch (result) {
            case QueryRejected rejected -> Rejections.explain(rejected.problem());
            case QueryAnswered answered -> describe(answered) + truncation(answered) + source(answered)
                    + understanding(answered);
        };
    }

    /**
     * Where the SQL came from when no translator wrote it for this question: "I answered from the verified example
     * …" or "I reused the SQL of the earlier question …", with the literals re-bound; empty otherwise.
     */
    public static String source(QueryAnswered r) {
        SqlSource from = r.proposal().source();
        if (from == null || !(SqlSource.EXAMPLE.equals(from.kind()) || SqlSource.CACHE.equals(from.kind()))) {
            return "";
        }
        String note = from.note() != null && !from.note().isBlank() ? from.note()
                : SqlSource.EXAMPLE.equals(from.kind()) ? "answered from a verified example"
                : "reused the SQL of an earlier question that meant the same";
        return " I " + note + ".";
    }

    /**
     * What the translator said of its own reading: a list cut by its own LIMIT ("These are the first 1,000 of about
     * 12,000."), the readings it assumed and the words it did not understand; empty when there is nothing to say.
     */
    static String understanding(QueryAnswered r) {
        Understanding u = r.proposal().understanding();
        if (u == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (u.listLimit() != null && !r.truncated() && r.rowCount() >= u.listLimit()) {
            s.append(" These are the first ").append(Values.number(u.listLimit().longValue()));
            s.append(u.estimatedRows() != null && u.estimatedRows() > u.listLimit()
                    ? " of about " + Values.number(u.estimatedRows().longValue()) + "." : "; there may be more.");
        }
        if (!u.assumed().isEmpty()) {
            s.append(" I assumed ").append(joined(u.assumed())).append('.');
        }
        if (!u.ignored().isEmpty()) {
            List<String> quoted = u.ignored().stream().map(w -> "'" + w + "'").toList();
            s.append(" I did not understand ").append(joined(quoted)).append(", so the answer leaves ")
                    .append(quoted.size() == 1 ? "it" : "them").append(" out.");
        }
        return s.toString();
    }

    private static String joined(List<String> items) {
        return items.size() == 1 ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String describe(QueryAnswered r) {
        Subject subject = Subject.of(r.proposal().sql());
        if (r.rows().isEmpty()) {
            Filter filter = Filter.of(r.proposal().sql());
            return filter == null ? "No " + subject.plural() + " matched your question." : filter.noneSentence(subject);
        }
        if (r.rows().size() == 1 && r.columns().size() == 1) {
            Filter filter = Filter.of(r.proposal().sql());
            Object value = r.rows().getFirst().getFirst();
            if (filter != null && isCount(r.columns().getFirst()) && value instanceof Number n) {
                return filter.countSentence(subject, n.longValue());
            }
            return scalar(subject, r.columns().getFirst(), value);
        }
        if (r.rows().size() == 1 && r.columns().stream().allMatch(ColumnKind::isMeasure)) {
            return figures(r.columns(), r.rows().getFirst());
        }
        GroupedAnswer grouped = GroupedAnswer.of(r.columns());
        if (r.rows().size() == 1) {
            return grouped != null ? grouped.single(subject, r.rows().getFirst(), r.proposal().sql())
                    : "I found one " + subject.singular() + ": " + pairs(r.columns(), r.rows().getFirst()) + ".";
        }
        if (grouped != null) {
            return grouped.sentence(subject, r.rows(), r.proposal().sql());
        }
        String measures = GROUP_BY.matcher(r.proposal().sql()).find() ? measuresByGroup(r.columns(), r.rows()) : null;
        return measures != null ? measures : list(subject, r);
    }

    private static final Pattern GROUP_BY = Pattern.compile("(?i)\\bgroup\\s+by\\b");

    /**
     * One category and several figures ({@code team, avg(salary), max(salary) ... GROUP BY team}): each group with
     * its figures, in the rows' order ("By team: Backend Services (avg salary $1.00, max salary $2.00), … and 8
     * more."); not a list of the subject's rows, which the groups are not.
     */
    private static String measuresByGroup(List<ColumnMeta> columns, List<List<Object>> rows) {
        int[] categories = IntStream.range(0, columns.size()).filter(i -> !ColumnKind.isMeasure(columns.get(i)))
                .toArray();
        if (categories.length != 1 || columns.size() < 3) {
            return null;
        }
        int category = categories[0];
        List<String> groups = rows.stream().limit(GroupedAnswer.NAMED).map(row -> {
            List<String> figures = IntStream.range(0, columns.size()).filter(i -> i != category)
                    .mapToObj(i -> words(columns.get(i).name()) + " "
                            + Values.format(ColumnKind.of(columns.get(i)), row.get(i)))
                    .toList();
            return Values.format(columns.get(category), row.get(category)) + " (" + String.join(", ", figures) + ")";
        }).toList();
        long more = rows.size() - groups.size();
        String named = more > 0 ? String.join("; ", groups) + " and " + Values.number(more) + " more"
                : groups.size() == 1 ? groups.getFirst()
                : String.join("; ", groups.subList(0, groups.size() - 1)) + " and " + groups.getLast();
        return "By " + words(columns.get(category).name()) + ": " + named + ".";
    }

    private static String scalar(Subject subject, ColumnMeta column, Object value) {
        if (isCount(column) && value instanceof Number n) {
            long count = n.longValue();
            return (count == 1 ? "There is " : "There are ") + subject.counted(count) + ".";
        }
        if (value == null) {
            return "The " + words(column.name()) + " is not known (empty).";
        }
        return "The " + words(column.name()) + " is " + Values.format(ColumnKind.of(column), value) + ".";
    }

    /** A row of figures only ({@code SELECT min(budget), max(budget) ...}): each one said as a value of its own. */
    private static String figures(List<ColumnMeta> columns, List<Object> row) {
        List<String> said = IntStream.range(0, columns.size()).mapToObj(i -> "the " + words(columns.get(i).name())
                + " is " + Values.format(ColumnKind.of(columns.get(i)), row.get(i))).toList();
        String joined = String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.getLast();
        return capitalised(joined) + ".";
    }

    private static String list(Subject subject, QueryAnswered r) {
        int label = labelColumn(r.columns(), r.rows());
        ColumnKind kind = ColumnKind.of(r.columns().get(label));
        List<String> names = r.rows().stream().limit(LISTED).map(row -> Values.format(kind, row.get(label))).toList();
        long more = r.rowCount() - names.size();
        // labels that hold commas themselves ("21 November 2026, 22:18") are kept apart with semicolons
        String comma = names.stream().anyMatch(n -> n.contains(",")) ? "; " : ", ";
        String listed = more > 0 ? String.join(comma, names) + " and " + Values.number(more) + " more"
                : String.join(comma, names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return "Here are " + subject.counted(r.rowCount()) + ": " + listed + ".";
    }

    /**
     * The column that names a row best: the first one that is neither a measure nor an identifier, and whose
     * listed values differ (the status a question filtered on names no row apart).
     */
    private static int labelColumn(List<ColumnMeta> columns, List<List<Object>> rows) {
        int[] candidates = IntStream.range(0, columns.size())
                .filter(i -> !ColumnKind.of(columns.get(i)).isNumeric() && !ColumnKind.isIdentifier(columns.get(i)))
                .toArray();
        List<List<Object>> listed = rows.subList(0, Math.min(LISTED, rows.size()));
        return Arrays.stream(candidates)
                .filter(i -> listed.size() < 2 || listed.stream().map(row -> row.get(i)).distinct().count() > 1)
                .findFirst().orElse(candidates.length > 0 ? candidates[0] : 0);
    }

    private static String truncation(QueryAnswered r) {
        return r.truncated() ? " There are more; only the first " + Values.number(r.rowCount()) + " are shown." : "";
    }

    static boolean isCount(ColumnMeta column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        return name.equals("count") || name.endsWith("_count") || name.startsWith("count_") || name.startsWith("number_of")
                || name.startsWith("num_") || name.equals("total") && ColumnKind.of(column) == ColumnKind.NUMBER;
    }

    private static String pairs(List<ColumnMeta> columns, List<Object> row) {
        return IntStream.range(0, columns.size())
                .mapToObj(i -> words(columns.get(i).name()) + " " + Values.format(ColumnKind.of(columns.get(i)), row.get(i)))
                .collect(Collectors.joining(", "));
    }

    static String words(String column) {
        return column.replace('_', ' ');
    }

    /** The sentence with its first letter in capitals. */
    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
