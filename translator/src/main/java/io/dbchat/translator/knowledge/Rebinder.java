package io.dbchat.translator.knowledge;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Re-binds a known question's literals into its SQL for a new question with the same literal slots. Each literal
 * that differs must match exactly one literal node of the SQL's tree (a number by value, a date or a name by its
 * string, a name in any case) and appear once in the SQL's text, so nothing printed outside the tree holds a copy;
 * those nodes are replaced and the tree printed again. Anything else (no match, two matches, a decimal for an
 * integer, a value of another column in place of a stored value) is no re-binding at all: the caller misses rather than run the old literals for a new question.
 */
final class Rebinder {

    /** The SQL with the new literals, and what was re-bound in words ("800 for 500"). */
    record Rebound(String sql, List<String> changes) {
    }

    private Rebinder() {
    }

    static Optional<Rebound> rebind(String sql, List<Literal> known, List<Literal> asked) {
        if (known.size() != asked.size()) {
            return Optional.empty();
        }
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return Optional.empty();
        }
        List<Expression> nodes = literalNodes(statement);
        Map<Expression, Literal> replacements = new IdentityHashMap<>();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            Literal was = known.get(i);
            Literal now = asked.get(i);
            if (was.kind() != now.kind()) {
                return Optional.empty();
            }
            if (was.sameValue(now)) {
                continue;
            }
            if (!was.replaceableBy(now)) {
                return Optional.empty();
            }
            List<Expression> matching = nodes.stream().filter(n -> matches(n, was)).toList();
            if (matching.size() != 1 || replacements.containsKey(matching.getFirst()) || occurrences(sql, was) != 1) {
                return Optional.empty();
            }
            replacements.put(matching.getFirst(), now);
            changes.add(now.value() + " for " + was.value());
        }
        if (replacements.isEmpty()) {
            return Optional.of(new Rebound(sql, List.copyOf(changes)));
        }
        String skeleton = skeleton(statement);
        for (var r : replacements.entrySet()) {
            if (!replace(r.getKey(), r.getValue())) {
                return Optional.empty();
            }
        }
        String rebound = statement.toString();
        return sameShape(rebound, skeleton) ? Optional.of(new Rebound(rebound, List.copyOf(changes))) : Optional.empty();
    }

    /**
     * Whether the re-bound text reads back as the statement it was printed from, with the same tree around its
     * literals: whatever a new literal holds, it stays one literal.
     */
    private static boolean sameShape(String rebound, String skeleton) {
        try {
            Statement again = CCJSqlParserUtil.parse(rebound);
            return again.toString().equals(rebound) && skeleton(again).equals(skeleton);
        } catch (JSQLParserException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The contents of the SQL's string literals, unescaped, each also without the {@code %} a LIKE pattern opens or
     * closes with ("acme" of {@code '%acme%'}); none when it does not parse.
     */
    static Set<String> texts(String sql) {
        try {
            return literalNodes(CCJSqlParserUtil.parse(sql)).stream().filter(StringValue.class::isInstance)
                    .map(s -> unescape(((StringValue) s).getValue()))
                    .flatMap(t -> java.util.stream.Stream.of(t, t.replaceAll("^%+|%+$", "")))
                    .filter(t -> !t.isBlank())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (JSQLParserException | RuntimeException e) {
            return Set.of();
        }
    }

    /** Every literal node the printed statement holds: printing visits each node of the tree once. */
    static List<Expression> literalNodes(Statement statement) {
        List<Expression> found = new ArrayList<>();
        print(statement, found, false);
        return found;
    }

    /** The statement printed with each literal as {@code ?}: two statements of one skeleton differ in literals only. */
    static String skeleton(Statement statement) {
        return print(statement, new ArrayList<>(), true);
    }

    private static String print(Statement statement, List<Expression> found, boolean masked) {
        StringBuilder out = new StringBuilder();
        ExpressionDeParser expressions = new ExpressionDeParser() {
            private StringBuilder literal(Expression value, java.util.function.Supplier<StringBuilder> printed) {
                found.add(value);
                return masked ? getBuilder().append('?') : printed.get();
            }

            @Override
            public <S> StringBuilder visit(LongValue value, S context) {
                return literal(value, () -> super.visit(value, context));
            }

            @Override
            public <S> StringBuilder visit(DoubleValue value, S context) {
                return literal(value, () -> super.visit(value, context));
            }

            @Override
            public <S> StringBuilder visit(StringValue value, S context) {
                return literal(value, () -> super.visit(value, context));
            }

            @Override
            public <S> StringBuilder visit(DateValue value, S context) {
                return literal(value, () -> super.visit(value, context));
            }
        };
        SelectDeParser selects = new SelectDeParser(expressions, out);
        expressions.setSelectVisitor(selects);
        expressions.setBuilder(out);
        statement.accept(new StatementDeParser(expressions, selects, out));
        return out.toString();
    }

    private static boolean matches(Expression node, Literal literal) {
        return switch (node) {
            case LongValue l -> literal.kind() == Literal.Kind.NUMBER && l.getStringValue().equals(literal.value());
            case DoubleValue d -> literal.kind() == Literal.Kind.NUMBER
                    && new java.math.BigDecimal(d.toString()).compareTo(new java.math.BigDecimal(literal.value())) == 0;
            case StringValue s -> literal.kind() != Literal.Kind.NUMBER && unescape(s.getValue()).equalsIgnoreCase(literal.value());
            case DateValue d -> literal.kind() == Literal.Kind.DATE && d.getValue().toString().equals(literal.value());
            default -> false;
        };
    }

    /**
     * Puts the new value into the node, or refuses: a string only into a plain quoted one (a prefixed or dollar-quoted
     * string reads backslashes and {@code $$} otherwise), a number only as digits, finite, a date only a real one.
     */
    private static boolean replace(Expression node, Literal now) {
        try {
            switch (node) {
                case LongValue l -> {
                    if (!now.value().matches("\\d+")) {
                        return false;
                    }
                    l.setStringValue(now.value());
                }
                case DoubleValue d -> {
                    double value = Double.parseDouble(now.value());
                    if (!now.value().matches("\\d+(\\.\\d+)?") || !Double.isFinite(value)) {
                        return false;
                    }
                    d.setValue(value);
                }
                case StringValue s -> {
                    if (s.getPrefix() != null || !"'".equals(s.getQuoteStr())) {
                        return false;
                    }
                    s.setValue(now.value().replace("'", "''"));
                }
                case DateValue d -> d.setValue(java.sql.Date.valueOf(java.time.LocalDate.parse(now.value())));
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** How often the literal is written in the SQL's text: a number as a bare token, anything else as a string. */
    private static int occurrences(String sql, Literal literal) {
        String pattern = literal.kind() == Literal.Kind.NUMBER
                ? "(?<![\\w.])" + java.util.regex.Pattern.quote(literal.value()) + "(?![\\w.])"
                : "(?i)'" + java.util.regex.Pattern.quote(literal.value().replace("'", "''")) + "'";
        return (int) java.util.regex.Pattern.compile(pattern).matcher(sql).results().count();
    }

    private static String unescape(String value) {
        return value.replace("''", "'");
    }
}
