package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Applies the one approved business term that is a condition on a table ("active client": {@code clients.status =
 * 'active'}) to a question the rules answer: the rules read the question with the term's words as its table's name
 * ("how many active clients" as "how many clients"), and the condition is added where their SQL reads that table, as
 * one parsed condition: in the WHERE of a query of that table alone, else as its rows' key {@code IN} the rows that
 * meet it (in the join's ON when the table is outer-joined). SQL that reads the table other than once in its FROM and
 * joins, or a table without a one-column key where it is needed, is no answer.
 */
final class ConditionTerms {

    /** The term, the question as the rules read it, and the table the term's condition is on. */
    record Reading(KnowledgeEntry term, String question, TableSchema table) {

        /** What the answer shows of the term: "'active client' taken as: a client with an order this year". */
        String said() {
            return "'" + term.name() + "' taken as: " + definition();
        }

        /** The reading the answer's words say was assumed: "'active client' means a client with an order this year". */
        String meaning() {
            return "'" + term.name() + "' means " + definition();
        }

        private String definition() {
            return term.definition() != null && !term.definition().isBlank() ? term.definition().strip()
                    : term.expression().strip();
        }

        QuestionAsked asked(QuestionAsked q) {
            return new QuestionAsked(q.v(), q.queryId(), q.conversationId(), q.principal(), q.datasource(), question,
                    q.askedAt(), q.replayOf(), q.attributes(), q.history());
        }
    }

    private ConditionTerms() {
    }

    /** The reading of a question that names exactly one term, a condition on a published table; else none. */
    static Optional<Reading> reading(String question, List<KnowledgeEntry> named, SchemaSnapshot schema) {
        if (named.size() != 1 || !KnowledgeEntry.CONDITION.equals(named.getFirst().expressionKind())) {
            return Optional.empty();
        }
        KnowledgeEntry term = named.getFirst();
        if (term.expression() == null || term.expression().isBlank() || term.table() == null) {
            return Optional.empty();
        }
        return schema.table(term.table()).map(table -> new Reading(term, reworded(question, term, table), table));
    }

    /** The question with the term's words (name or synonym, singular or plural) as the table's name, said once. */
    private static String reworded(String question, KnowledgeEntry term, TableSchema table) {
        String out = question;
        for (String words : Stream.concat(Stream.of(term.name()), term.synonyms().stream())
                .filter(w -> !w.isBlank()).sorted((a, b) -> b.length() - a.length()).toList()) {
            out = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(words.strip()) + "(s|es)?(?![\\p{L}\\d])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out).replaceAll("\u0000");
        }
        String name = table.name().toLowerCase(Locale.ROOT);
        String singular = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        boolean saysTable = Pattern.compile("(?<![\\p{L}\\d])(" + Pattern.quote(name) + "|" + Pattern.quote(singular)
                + ")(?![\\p{L}\\d])").matcher(out.toLowerCase(Locale.ROOT)).find();
        String first = saysTable ? "" : name;
        int at = out.indexOf('\u0000');
        if (at >= 0) {
            out = out.substring(0, at) + first + out.substring(at + 1);
        }
        return out.replace("\u0000", "").replaceAll("\\s+", " ").strip();
    }

    /** The rules' SQL with the term's condition on its table; none where it cannot be placed for certain. */
    static Optional<String> apply(String sql, Reading reading) {
        try {
            Expression condition = CCJSqlParserUtil.parseCondExpression(reading.term().expression(), false);
            Statement statement = CCJSqlParserUtil.parse(sql);
            if (!(statement instanceof PlainSelect select) || select.getWithItemsList() != null) {
                return Optional.empty();
            }
            return placed(select, condition, reading.table()) ? Optional.of(select.toString()) : Optional.empty();
        } catch (JSQLParserException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean placed(PlainSelect select, Expression condition, TableSchema table) throws JSQLParserException {
        List<FromItem> items = new ArrayList<>(List.of(select.getFromItem()));
        List<Join> joins = select.getJoins() == null ? List.of() : select.getJoins();
        joins.forEach(j -> items.add(j.getFromItem()));
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Table t && names(t, table)) {
                at.add(i);
            }
        }
        if (at.size() != 1) {
            return false;
        }
        Table ref = (Table) items.get(at.getFirst());
        if (joins.isEmpty() && ref.getAlias() == null) {
            select.setWhere(and(select.getWhere(), condition));
            return true;
        }
        Expression keyed = keyed(ref, condition, table);
        if (keyed == null) {
            return false;
        }
        Join join = at.getFirst() == 0 ? null : joins.get(at.getFirst() - 1);
        if (join != null && (join.isLeft() || join.isRight() || join.isFull() || join.isOuter())) {
            if (join.getOnExpressions().size() != 1) {
                return false;
            }
            join.setOnExpressions(List.of(and(join.getOnExpression(), keyed)));
        } else {
            select.setWhere(and(select.getWhere(), keyed));
        }
        return true;
    }

    /** {@code ref.key IN (SELECT key FROM table WHERE condition)}, or null for a table without a one-column key. */
    private static Expression keyed(Table ref, Expression condition, TableSchema table) throws JSQLParserException {
        if (table.primaryKey() == null || table.primaryKey().size() != 1) {
            return null;
        }
        String key = SqlIdentifiers.quote(table.primaryKey().getFirst());
        String name = ref.getAlias() != null ? ref.getAlias().getName() : ref.getFullyQualifiedName();
        InExpression in = (InExpression) CCJSqlParserUtil.parseCondExpression(name + "." + key + " IN (SELECT " + key
                + " FROM " + SqlIdentifiers.table(table.schema(), table.name()) + ")", false);
        ((PlainSelect) ((ParenthesedSelect) in.getRightExpression()).getSelect()).setWhere(condition);
        return in;
    }

    private static Expression and(Expression where, Expression condition) {
        Expression wrapped = new ParenthesedExpressionList<>(condition);
        return where == null ? wrapped : new AndExpression(new ParenthesedExpressionList<>(where), wrapped);
    }

    private static boolean names(Table t, TableSchema table) {
        String name = unquoted(t.getName());
        String schema = t.getSchemaName() == null ? null : unquoted(t.getSchemaName());
        return name.equalsIgnoreCase(table.name()) && (schema == null || schema.equalsIgnoreCase(table.schema()));
    }

    private static String unquoted(String identifier) {
        return identifier.startsWith("\"") && identifier.endsWith("\"") && identifier.length() > 1
                ? identifier.substring(1, identifier.length() - 1) : identifier;
    }
}
