package io.dbchat.interpreter.answer;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why a question has no rows. The problem's message is already a sentence; a code that names what was
 * refused ("sql.table_not_allowed") is said from the asker's side: "I can't use the table 'salaries'."
 */
final class Rejections {

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private Rejections() {
    }

    static String explain(Problem problem) {
        String code = problem.code() == null ? "" : problem.code();
        String named = quoted(problem.message());
        return switch (code) {
            case "sql.table_not_allowed" -> named == null ? message(problem) : "I can't use the table '" + named + "'.";
            case "sql.column_not_allowed" -> named == null ? message(problem) : "I can't use the column '" + named + "'.";
            case "sql.function_not_allowed" -> named == null ? message(problem) : "I can't use the function '" + named + "'.";
            case "sql.system_catalog" -> named == null ? message(problem) : "I can't read the system catalog '" + named + "'.";
            default -> message(problem);
        };
    }

    private static String message(Problem problem) {
        if (problem.message() != null && !problem.message().isBlank()) {
            return problem.message();
        }
        return ErrorCode.QUERY_TIMEOUT.code().equals(problem.code())
                ? "The query took too long and was stopped."
                : "I could not answer that question (" + problem.code() + ").";
    }

    private static String quoted(String message) {
        Matcher m = message == null ? null : QUOTED.matcher(message);
        return m != null && m.find() ? m.group(1) : null;
    }
}
