package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.gateway.errors.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an entry must hold to be saved, as pure functions: a known kind, the fields that kind needs (an example's
 * question and SQL, a term's name, a document's note; a term's expression names its table and is a measure or a
 * condition), ids and names of a safe spelling, bounded sizes. Fields of another kind are dropped. Each failure is a
 * 400 naming what is wrong.
 */
final class KnowledgeRules {

    static final Set<String> KINDS = Set.of(KnowledgeEntry.EXAMPLE, KnowledgeEntry.TERM, KnowledgeEntry.DOC);
    static final Set<String> STATUSES = Set.of(KnowledgeEntry.PROPOSED, KnowledgeEntry.APPROVED);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern TABLE = Pattern.compile("(" + IDENTIFIER + "\\.)?" + IDENTIFIER);
    private static final int MAX_TEXT = 2_000;
    private static final int MAX_SQL = 16_000;
    private static final int MAX_SYNONYMS = 50;

    private KnowledgeRules() {
    }

    /** The entry's content, checked and trimmed to its kind. */
    static KnowledgeItem validated(KnowledgeItem item) {
        if (item == null) {
            throw invalid("A knowledge entry is required: a JSON object with 'kind' and the fields of that kind.");
        }
        String kind = kind(item.kind());
        status(item.status());
        return switch (kind) {
            case KnowledgeEntry.EXAMPLE -> example(item);
            case KnowledgeEntry.TERM -> term(item);
            default -> doc(item);
        };
    }

    /** A kind filter or field: one of the three kinds; null stays null. */
    static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw invalid("The field 'kind' is required: one of example, term, doc.");
        }
        if (!KINDS.contains(kind.strip())) {
            throw invalid("Unknown kind '" + kind + "': one of example, term, doc.");
        }
        return kind.strip();
    }

    /** A status filter or field: proposed or approved; null stays null. */
    static String status(String status) {
        if (status != null && !STATUSES.contains(status.strip())) {
            throw invalid("Unknown status '" + status + "': proposed or approved.");
        }
        return status == null ? null : status.strip();
    }

    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw invalid("An entry id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return id;
    }

    private static KnowledgeItem example(KnowledgeItem i) {
        String question = required(i.question(), "question", "an example", MAX_TEXT);
        String sql = required(i.sql(), "sql", "an example", MAX_SQL);
        return new KnowledgeItem(i.id(), null, KnowledgeEntry.EXAMPLE, i.status(), question, sql, null, List.of(), null,
                null, null, null, null, null, null, null, null, null, i.revision());
    }

    private static KnowledgeItem term(KnowledgeItem i) {
        String name = required(i.name(), "name", "a term", 200);
        if (i.synonyms().size() > MAX_SYNONYMS || i.synonyms().stream().anyMatch(s -> s == null || s.isBlank() || s.length() > 200)) {
            throw invalid("'synonyms' is a list of at most " + MAX_SYNONYMS + " non-empty names of at most 200 characters.");
        }
        String expression = optional(i.expression(), "expression", MAX_SQL);
        String expressionKind = null;
        String table = optional(i.table(), "table", 200);
        if (expression != null) {
            expressionKind = i.expressionKind() == null ? KnowledgeEntry.MEASURE : i.expressionKind().strip();
            if (!expressionKind.equals(KnowledgeEntry.MEASURE) && !expressionKind.equals(KnowledgeEntry.CONDITION)) {
                throw invalid("Unknown expression_kind '" + i.expressionKind() + "': measure or condition.");
            }
            if (table == null) {
                throw invalid("A term with an expression needs 'table', the table the expression reads.");
            }
        }
        if (table != null && !TABLE.matcher(table).matches()) {
            throw invalid("'table' is a table name such as invoices or sales.invoices.");
        }
        return new KnowledgeItem(i.id(), null, KnowledgeEntry.TERM, i.status(), null, null, name,
                i.synonyms().stream().map(String::strip).toList(), optional(i.definition(), "definition", MAX_TEXT),
                expression, expressionKind, table, null, null, null, null, null, null, i.revision());
    }

    private static KnowledgeItem doc(KnowledgeItem i) {
        String note = required(i.note(), "note", "a doc entry", MAX_TEXT);
        String table = optional(i.table(), "table", 200);
        String column = optional(i.column(), "column", 200);
        if (table != null && !TABLE.matcher(table).matches()) {
            throw invalid("'table' is a table name such as invoices or sales.invoices.");
        }
        if (column != null && (table == null || !IDENTIFIER.matcher(column).matches())) {
            throw invalid("'column' is a column name of the entry's 'table', which must be given with it.");
        }
        return new KnowledgeItem(i.id(), null, KnowledgeEntry.DOC, i.status(), optional(i.question(), "question", MAX_TEXT),
                null, null, List.of(), null, null, null, table, column, note, null, null, null, null, i.revision());
    }

    private static String required(String value, String field, String what, int max) {
        if (value == null || value.isBlank()) {
            throw invalid("The field '" + field + "' is required for " + what + ".");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.of(ErrorCode.PAYLOAD_TOO_LARGE, "'" + field + "' may be at most " + max + " characters.");
        }
        return value.strip();
    }

    static ProblemException invalid(String message) {
        return ProblemException.of(ErrorCode.INVALID_REQUEST, message);
    }
}
