package io.dbchat.interpreter.answer;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.interpreter.result.ColumnKind;
import io.dbchat.interpreter.result.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A result of one category and one measure ({@code status, count(*) ... GROUP BY status}) in one sentence:
 * largest first ("Most tasks are Open (412), then In Progress (120) ..."), or in time order when the category
 * is a date.
 */
record GroupedAnswer(int category, int measure, ColumnMeta categoryColumn, ColumnMeta measureColumn) {

    /** How many groups are named before "and N more". */
    static final int NAMED = 4;

    static GroupedAnswer of(List<ColumnMeta> columns) {
        if (columns.size() != 2) {
            return null;
        }
        for (int m = 0; m < 2; m++) {
            ColumnMeta other = columns.get(1 - m);
            if (ColumnKind.isMeasure(columns.get(m)) && !ColumnKind.of(other).isNumeric()) {
                return new GroupedAnswer(1 - m, m, other, columns.get(m));
            }
        }
        return null;
    }

    /**
     * A count over joined tables counts joined rows (projects per client), not rows of the first table, so it is
     * said by its column, never as "most clients are …"; a row left by ORDER BY … LIMIT 1 is the first of a ranking, not
     * a group a filter left.
     */
    private static final Pattern JOIN = Pattern.compile("(?i)\\bjoin\\b");
    private static final Pattern FIRST_ONLY = Pattern.compile("(?is)\\border\\s+by\\b.*\\blimit\\s+1\\b");

    static boolean countsJoinedRows(String sql) {
        return JOIN.matcher(sql).find();
    }

    static boolean isFirstOfARanking(String sql) {
        return FIRST_ONLY.matcher(sql).find();
    }

    String sentence(Subject subject, List<List<Object>> rows, String sql) {
        boolean overTime = ColumnKind.of(categoryColumn).isTemporal();
        List<String> groups = ordered(rows, overTime).stream().map(this::group).toList();
        String by = TemplatedAnswers.words(categoryColumn.name());
        if (overTime) {
            return TemplatedAnswers.capitalised(TemplatedAnswers.words(measureColumn.name())) + " by " + by + ": "
                    + named(groups, NAMED) + ".";
        }
        if (groups.size() > 1 && allEqual(rows)) {
            // "Most ... then ..." would rank equals: say they are even instead
            String even = TemplatedAnswers.isCount(measureColumn) && !countsJoinedRows(sql)
                    ? TemplatedAnswers.capitalised(subject.plural()) + " are spread evenly by " + by
                    : "By " + by + ", the " + TemplatedAnswers.words(measureColumn.name()) + " is the same for each";
            return even + ": " + named(groups, NAMED) + ".";
        }
        String ranked = groups.size() == 1 ? groups.getFirst()
                : groups.getFirst() + ", then " + named(groups.subList(1, groups.size()), NAMED - 1);
        if (TemplatedAnswers.isCount(measureColumn) && !countsJoinedRows(sql)) {
            return "Most " + subject.plural() + " are " + ranked + ".";
        }
        return "By " + by + ", the highest " + TemplatedAnswers.words(measureColumn.name()) + " is " + ranked + ".";
    }

    /**
     * The one group a filtered question left: "There are 1,250 orders with state Paid."; or the first of a ranking
     * cut to one row: "By client, the highest count is Acme Bank (5)."
     */
    String single(Subject subject, List<Object> row, String sql) {
        String by = TemplatedAnswers.words(categoryColumn.name());
        String value = Values.format(categoryColumn, row.get(category));
        if (isFirstOfARanking(sql)) {
            return "By " + by + ", the highest " + TemplatedAnswers.words(measureColumn.name()) + " is " + group(row)
                    + ".";
        }
        if (TemplatedAnswers.isCount(measureColumn) && !countsJoinedRows(sql) && row.get(measure) instanceof Number n) {
            return (n.longValue() == 1 ? "There is " : "There are ") + subject.counted(n.longValue()) + " with " + by
                    + " " + value + ".";
        }
        return TemplatedAnswers.capitalised("the " + TemplatedAnswers.words(measureColumn.name())) + " for " + by + " "
                + value + " is "
                + Values.format(ColumnKind.of(measureColumn), row.get(measure)) + ".";
    }

    private List<List<Object>> ordered(List<List<Object>> rows, boolean overTime) {
        if (overTime) {
            return rows;
        }
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((List<Object> row) -> size(row.get(measure))).reversed());
        return sorted;
    }

    private boolean allEqual(List<List<Object>> rows) {
        BigDecimal first = Values.numeric(rows.getFirst().get(measure));
        return first != null && rows.stream().allMatch(row -> {
            BigDecimal n = Values.numeric(row.get(measure));
            return n != null && n.compareTo(first) == 0;
        });
    }

    private static BigDecimal size(Object value) {
        BigDecimal n = Values.numeric(value);
        return n == null ? BigDecimal.valueOf(Long.MIN_VALUE) : n;
    }

    private String group(List<Object> row) {
        return Values.format(categoryColumn, row.get(category))
                + " (" + Values.format(ColumnKind.of(measureColumn), row.get(measure)) + ")";
    }

    private static String named(List<String> groups, int limit) {
        if (groups.size() == 1) {
            return groups.getFirst();
        }
        if (groups.size() <= limit) {
            return String.join(", ", groups.subList(0, groups.size() - 1)) + " and " + groups.getLast();
        }
        return String.join(", ", groups.subList(0, limit)) + " and " + Values.number(groups.size() - limit) + " more";
    }
}
