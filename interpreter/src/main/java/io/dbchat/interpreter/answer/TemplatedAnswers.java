package io.dbchat.interpreter.answer;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Answers in words without an LLM, from the shape of the result: a count ("There are 1,234 users."),
 * a single value, a single row, a list, or nothing; a rejection is answered with its reason.
 */
public final class TemplatedAnswers {

    private TemplatedAnswers() {
    }

    public static String answer(QueryResult result) {
        return switch (result) {
            case QueryRejected rejected -> rejected.problem().message();
            case QueryAnswered answered -> describe(answered);
        };
    }

    private static String describe(QueryAnswered r) {
        Subject subject = Subject.of(r.proposal().sql());
        if (r.rows().isEmpty()) {
            return "No " + subject.plural() + " matched your question.";
        }
        if (r.rows().size() == 1 && r.columns().size() == 1) {
            return scalar(subject, r.columns().getFirst(), r.rows().getFirst().getFirst());
        }
        if (r.rows().size() == 1) {
            return "I found one " + subject.singular() + ": " + pairs(r.columns(), r.rows().getFirst()) + ".";
        }
        String shown = "Here are " + subject.counted(r.rowCount()) + ".";
        return r.truncated() ? shown + " There are more; only the first " + Numbers.format(r.rowCount()) + " are shown." : shown;
    }

    private static String scalar(Subject subject, ColumnMeta column, Object value) {
        if (isCount(column) && value instanceof Number n) {
            long count = n.longValue();
            return (count == 1 ? "There is " : "There are ") + subject.counted(count) + ".";
        }
        if (value == null) {
            return "The " + words(column.name()) + " is not known (empty).";
        }
        return "The " + words(column.name()) + " is " + Numbers.format(value) + ".";
    }

    private static boolean isCount(ColumnMeta column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        return name.equals("count") || name.endsWith("_count") || name.startsWith("count_") || name.startsWith("number_of");
    }

    private static String pairs(List<ColumnMeta> columns, List<Object> row) {
        return IntStream.range(0, columns.size())
                .mapToObj(i -> words(columns.get(i).name()) + " " + (row.get(i) == null ? "(empty)" : Numbers.format(row.get(i))))
                .collect(Collectors.joining(", "));
    }

    private static String words(String column) {
        return column.replace('_', ' ');
    }
}
