package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.ColumnSchema;
import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SqlIdentifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * Answers without a model from one approved business term that is a measure with an SQL expression on a table:
 * "revenue", "revenue per month", "revenue by client", "revenue per quarter in 2024". Every word of the question must
 * be the term, a period (by the table's one date column), a year, a column of the table or a table it references (by
 * that table's name column), or a filler word; any other word, or a choice it cannot make (two date columns), is no
 * answer, and the rules translate the question instead.
 */
final class TermAnswers {

    /** The SQL and what was made of the question, in words. */
    record Answer(KnowledgeEntry term, String sql, List<String> understood) {
    }

    private static final Set<String> FILLER = Set.of("what", "whats", "is", "was", "were", "are", "the", "our", "my",
            "show", "me", "give", "list", "total", "overall", "all", "of", "for", "in", "per", "by", "each", "every",
            "how", "much", "did", "do", "we", "make", "made", "have", "had", "get", "got", "tell", "please", "a", "an",
            "during", "broken", "down");
    private static final List<String> GRAINS = List.of("day", "week", "month", "quarter", "year");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d_]+");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private TermAnswers() {
    }

    static Optional<Answer> answer(String question, List<KnowledgeEntry> named, SchemaSnapshot schema) {
        List<KnowledgeEntry> measures = named.stream().filter(t -> KnowledgeEntry.MEASURE.equals(t.expressionKind())
                && t.expression() != null && !t.expression().isBlank() && t.table() != null).toList();
        if (measures.size() != 1 || named.size() != 1) {
            return Optional.empty();
        }
        KnowledgeEntry term = measures.getFirst();
        TableSchema table = table(schema, term.table());
        String expression = expression(term.expression());
        if (table == null || expression == null) {
            return Optional.empty();
        }
        String rest = withoutTerm(question.toLowerCase(Locale.ROOT), term);
        String grain = null;
        String year = null;
        TableSchema by = null;
        String column = null;
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            String w = words.group();
            String singular = singular(w);
            if (YEAR.matcher(w).matches() && year == null) {
                year = w;
            } else if (grain(w) != null && grain == null && !(w.equals("year") && year != null)) {
                grain = grain(w);
            } else if (FILLER.contains(w)) {
                continue;
            } else if (by == null && column == null && referenced(schema, table, singular) != null) {
                by = referenced(schema, table, singular);
            } else if (by == null && column == null && column(table, singular) != null) {
                column = column(table, singular);
            } else {
                return Optional.empty();
            }
        }
        String date = grain != null || year != null ? dateColumn(table) : null;
        if ((grain != null || year != null) && date == null) {
            return Optional.empty();
        }
        return Optional.of(compose(term, expression, table, grain, year, date, by, column));
    }

    /**
     * The expression as JSqlParser prints it back, as the gateway judged it when it was saved (one expression, so
     * nothing of its text, a comment or a stray clause, reaches the SQL beyond that tree); null when it is not one.
     */
    private static String expression(String text) {
        try {
            return CCJSqlParserUtil.parseExpression(text, false).toString();
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
    }

    private static Answer compose(KnowledgeEntry term, String expression, TableSchema table, String grain, String year,
                                  String date, TableSchema by, String column) {
        String from = SqlIdentifiers.table(table.schema(), table.name());
        String dateRef = date == null ? null : from + "." + SqlIdentifiers.quote(date);
        List<String> select = new ArrayList<>();
        List<String> understood = new ArrayList<>(List.of("the term '" + term.name() + "': " + term.expression().strip()));
        String join = "";
        if (grain != null) {
            select.add("date_trunc('" + grain + "', " + dateRef + ")::date AS " + grain);
            understood.add("per " + grain + " of " + date);
        }
        if (by != null) {
            String target = SqlIdentifiers.table(by.schema(), by.name());
            ForeignKey fk = foreignKey(table, by);
            List<String> on = new ArrayList<>();
            for (int i = 0; i < fk.columns().size(); i++) {
                on.add(target + "." + SqlIdentifiers.quote(fk.refColumns().get(i)) + " = " + from + "."
                        + SqlIdentifiers.quote(fk.columns().get(i)));
            }
            join = " JOIN " + target + " ON " + String.join(" AND ", on);
            select.add(target + "." + SqlIdentifiers.quote(nameColumn(by)) + " AS " + SqlIdentifiers.quote(singular(by.name())));
            understood.add("per " + singular(by.name()));
        } else if (column != null) {
            select.add(from + "." + SqlIdentifiers.quote(column));
            understood.add("per " + column);
        }
        int groups = select.size();
        select.add(expression + " AS " + SqlIdentifiers.quote(alias(term.name())));
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(from)
                .append(join);
        if (year != null) {
            sql.append(" WHERE EXTRACT(YEAR FROM ").append(dateRef).append(") = ").append(year);
            understood.add("in " + year + " by " + date);
        }
        if (groups > 0) {
            String positions = String.join(", ", java.util.stream.IntStream.rangeClosed(1, groups)
                    .mapToObj(Integer::toString).toList());
            sql.append(" GROUP BY ").append(positions).append(" ORDER BY ").append(grain != null ? positions
                    : (groups + 1) + " DESC");
        }
        return new Answer(term, sql.toString(), List.copyOf(understood));
    }

    private static String withoutTerm(String lower, KnowledgeEntry term) {
        String out = lower;
        for (String n : java.util.stream.Stream.concat(java.util.stream.Stream.of(term.name()), term.synonyms().stream())
                .toList()) {
            out = out.replaceAll("(?<![\\p{L}\\d])" + Pattern.quote(n.toLowerCase(Locale.ROOT).strip())
                    + "(s|es)?(?![\\p{L}\\d])", " ");
        }
        return out;
    }

    private static String grain(String word) {
        String w = word.replaceAll("ly$", "").replaceAll("s$", "");
        return GRAINS.contains(w) ? w : w.equals("dai") ? "day" : null;
    }

    private static TableSchema table(SchemaSnapshot schema, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return schema.tables().stream().filter(t -> t.name().equalsIgnoreCase(wanted)
                || (t.schema() + "." + t.name()).equalsIgnoreCase(wanted)).findFirst().orElse(null);
    }

    /** A table the measure's table references whose name, singular, is the word: "client" for {@code clients}. */
    private static TableSchema referenced(SchemaSnapshot schema, TableSchema from, String word) {
        for (ForeignKey fk : from.foreignKeys() == null ? List.<ForeignKey>of() : from.foreignKeys()) {
            TableSchema target = table(schema, fk.refTable());
            if (target != null && singular(target.name().toLowerCase(Locale.ROOT)).equals(word) && nameColumn(target) != null) {
                return target;
            }
        }
        return null;
    }

    private static ForeignKey foreignKey(TableSchema from, TableSchema to) {
        return from.foreignKeys().stream().filter(fk -> fk.refTable().equalsIgnoreCase(to.name())).findFirst().orElseThrow();
    }

    private static String column(TableSchema table, String word) {
        return table.columns().stream().map(ColumnSchema::name)
                .filter(c -> c.equalsIgnoreCase(word) && !c.toLowerCase(Locale.ROOT).endsWith("id"))
                .findFirst().orElse(null);
    }

    private static String nameColumn(TableSchema table) {
        return table.columns().stream().map(ColumnSchema::name)
                .filter(c -> c.equalsIgnoreCase("name") || c.equalsIgnoreCase("title") || c.equalsIgnoreCase("full_name"))
                .findFirst().orElse(null);
    }

    /** The table's one date or timestamp column; null when it has none or several. */
    private static String dateColumn(TableSchema table) {
        List<String> dates = table.columns().stream()
                .filter(c -> c.type() != null && (c.type().startsWith("date") || c.type().startsWith("timestamp")))
                .map(ColumnSchema::name).toList();
        return dates.size() == 1 ? dates.getFirst() : null;
    }

    private static String singular(String word) {
        return word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y"
                : word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    private static String alias(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
