package io.dbchat.executor.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reduces a statement to its {@link Shape}, as SQL firewalls fingerprint queries: comments and blanks vanish,
 * words, quoted names and operators stay exactly as written, and the plain literals become numbered places. Words
 * keep their case rather than being folded as PostgreSQL folds them: JSqlParser writes names back in the case they
 * were read, so {@code SELECT NAME} and {@code select name} have different rewrites and cannot share one.
 * <p>
 * Hand-written, one pass over the characters, rather than JSqlParser's own token manager: building a JSqlParser
 * parser and running its token manager is what a check spends its time on, so a shape cache in front of the parser
 * must not use them. The lexer knows the PostgreSQL rules it needs and nothing more; whatever it is not sure about
 * makes it give up ({@code null}), and the statement goes through the full parse: dollar quotes, prefixed strings
 * ({@code E''}, {@code U&''}, {@code B''}, {@code X''}, {@code N''}), backslashes, bind parameters ({@code ?},
 * {@code $1}, {@code :name}), {@code @} and {@code #} operators, nested or unterminated comments, comments
 * JSqlParser keeps (optimizer hints), unterminated quotes, control characters in quotes, non-ASCII outside
 * quotes, and numbers outside a strict form.
 * <p>
 * A literal becomes a place only where its value cannot change the verdict or the rewrite: after an operator,
 * {@code (}, {@code [}, {@code ,} or an expression keyword, and not in a LIMIT / OFFSET / FETCH clause (the row
 * limit is rewritten from its value) nor in a type modifier such as {@code numeric(14, 2)}. A literal after
 * any other word — {@code DATE '…'}, {@code INTERVAL '…'}, {@code TIMESTAMP '…'}, {@code jsonb '…'} — is a
 * typed literal that the parser reads by value, so it stays in the key verbatim.
 */
final class ShapeLexer {

    /** Words after which a literal is an ordinary operand, whose value the guard never reads. */
    private static final Set<String> OPERAND_BEFORE = Set.of(
            "select", "where", "and", "or", "not", "when", "then", "else", "case", "like", "ilike", "between",
            "having", "on", "from", "for", "both", "leading", "trailing", "zone", "escape", "to", "distinct", "by");

    private static final Set<String> PAGINATION = Set.of("limit", "offset", "fetch");

    /** Digits a JSqlParser long or double reads back verbatim: no sign, exponent, leading zero or overflow. */
    private static final Pattern NUMBER = Pattern.compile("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?");

    private static final int MAX_DEPTH = 63;

    private enum Kind { NONE, WORD, QUOTED, LITERAL, OPERATOR, OPEN, CLOSE, COMMA, DOT, CAST, SEMICOLON }

    private final String sql;
    private final StringBuilder key;
    private final StringBuilder marked;
    private final List<Shape.Literal> literals = new ArrayList<>();
    private int copied;
    private Kind previous = Kind.NONE;
    private Kind beforePrevious = Kind.NONE;
    private String previousWord = "";
    private String beforeWord = "";
    private boolean spaced = true;
    private int depth;
    private int paginationDepth = -1;
    private long typeModifiers;

    private ShapeLexer(String sql) {
        this.sql = sql;
        this.key = new StringBuilder(sql.length());
        this.marked = new StringBuilder(sql.length() + 16);
    }

    /** The statement's shape, or {@code null} if anything in it is outside what the lexer is sure about. */
    static Shape shape(String sql) {
        ShapeLexer lexer = new ShapeLexer(sql);
        return lexer.run() ? lexer.result() : null;
    }

    private Shape result() {
        marked.append(sql, copied, sql.length());
        return new Shape(key.toString(), List.copyOf(literals), marked.toString());
    }

    private boolean run() {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int next;
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                spaced = true;
                i++;
                continue;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                next = lineComment(i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                next = blockComment(i);
            } else if (c == '\'') {
                next = string(i);
            } else if (c == '"') {
                next = quoted(i);
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1))) {
                next = number(i);
            } else if (isWordStart(c)) {
                next = word(i);
            } else if (isOperatorChar(c)) {
                next = operator(i);
            } else {
                next = punctuation(i, c);
            }
            if (next < 0) {
                return false;
            }
            i = next;
        }
        return true;
    }

    private int lineComment(int start) {
        if (start + 2 < sql.length() && sql.charAt(start + 2) == '+') {
            return -1; // a hint, which JSqlParser keeps
        }
        int end = start;
        while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
            end++;
        }
        dropComment(start, end);
        return end;
    }

    private int blockComment(int start) {
        if (start + 2 < sql.length() && (sql.charAt(start + 2) == '+' || sql.charAt(start + 2) == '!')) {
            return -1;
        }
        int close = sql.indexOf("*/", start + 2);
        if (close < 0 || sql.indexOf("/*", start + 2) >= 0 && sql.indexOf("/*", start + 2) < close) {
            return -1; // unterminated, or nested as PostgreSQL allows and JSqlParser does not
        }
        dropComment(start, close + 2);
        return close + 2;
    }

    private void dropComment(int start, int end) {
        marked.append(sql, copied, start).append(' ');
        copied = end;
        spaced = true;
    }

    private int string(int start) {
        if (adjacentToWordLike() || previous == Kind.LITERAL) {
            return -1; // a prefix (E'', X'', B'', N''), or strings PostgreSQL would concatenate
        }
        int close = closingQuote(start);
        if (close < 0) {
            return -1;
        }
        String value = sql.substring(start + 1, close);
        literal(start, close + 1, new Shape.Literal(Shape.Type.STRING,
                value.indexOf('\'') < 0 ? value : value.replace("''", "'")));
        return close + 1;
    }

    private int quoted(int start) {
        int close = closingQuote(start);
        if (close < 0 || close == start + 1 || adjacentToWordLike()) {
            return -1; // unterminated or empty
        }
        token(Kind.QUOTED, sql.substring(start, close + 1));
        return close + 1;
    }

    /**
     * Where the quote opened at {@code start} closes (a doubled quote stands for one), or -1 if it does not, or if
     * a backslash or control character inside might be read otherwise by JSqlParser.
     */
    private int closingQuote(int start) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            if (c == '\\' || c < ' ' || c == 0x7f) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private int number(int start) {
        int i = start;
        while (i < sql.length() && (isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < sql.length() && (isWordStart(sql.charAt(i)) || sql.charAt(i) == '$')) {
            return -1; // an exponent, a hexadecimal or underscored number, or trailing junk
        }
        String text = sql.substring(start, i);
        if (!NUMBER.matcher(text).matches() || adjacentToWordLike()) {
            return -1;
        }
        Shape.Type type = text.indexOf('.') < 0 ? Shape.Type.INTEGER : Shape.Type.DECIMAL;
        literal(start, i, new Shape.Literal(type, text));
        return i;
    }

    private void literal(int start, int end, Shape.Literal literal) {
        if (isOperand()) {
            literals.add(literal);
            marked.append(sql, copied, start).append(" ?").append(literals.size()).append(' ');
            copied = end;
            key.append(literal.type().placeholder()).append(' ');
            remember(Kind.LITERAL, "");
        } else {
            token(Kind.LITERAL, sql.substring(start, end), "");
        }
    }

    /** Whether the literal here is an operand whose value the guard never reads, so that it may become a place. */
    private boolean isOperand() {
        if (paginationDepth >= 0 || (typeModifiers & (1L << depth)) != 0) {
            return false;
        }
        return switch (previous) {
            case OPERATOR, OPEN, COMMA -> true;
            case WORD -> OPERAND_BEFORE.contains(previousWord);
            default -> false;
        };
    }

    private int word(int start) {
        int i = start + 1;
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
            i++;
        }
        if (i < sql.length()) {
            char after = sql.charAt(i);
            if (after == '$' || after == '\'' || after == '&' && i == start + 1) {
                return -1; // a $ in a name, or a prefixed string such as E'' or U&''
            }
        }
        if (adjacentToWordLike()) {
            return -1;
        }
        String word = sql.substring(start, i);
        String folded = word.toLowerCase(Locale.ROOT);
        if (PAGINATION.contains(folded) && paginationDepth < 0) {
            paginationDepth = depth;
        }
        token(Kind.WORD, word, folded);
        return i;
    }

    private int operator(int start) {
        int i = start;
        while (i < sql.length() && isOperatorChar(sql.charAt(i))) {
            if (i > start && (sql.startsWith("--", i) || sql.startsWith("/*", i))) {
                break;
            }
            if (sql.startsWith("//", i)) {
                return -1; // a comment to JSqlParser
            }
            i++;
        }
        token(Kind.OPERATOR, sql.substring(start, i));
        return i;
    }

    private int punctuation(int start, char c) {
        switch (c) {
            case '(', '[' -> {
                boolean typeModifier = previous == Kind.WORD && (beforePrevious == Kind.CAST || "as".equals(beforeWord));
                if (++depth > MAX_DEPTH) {
                    return -1;
                }
                typeModifiers = typeModifier ? typeModifiers | (1L << depth) : typeModifiers & ~(1L << depth);
                token(Kind.OPEN, String.valueOf(c));
            }
            case ')', ']' -> {
                if (--depth < paginationDepth) {
                    paginationDepth = -1;
                }
                if (depth < 0) {
                    return -1;
                }
                token(Kind.CLOSE, String.valueOf(c));
            }
            case ',' -> token(Kind.COMMA, ",");
            case '.' -> token(Kind.DOT, ".");
            case ';' -> {
                paginationDepth = -1;
                token(Kind.SEMICOLON, ";");
            }
            case ':' -> {
                if (start + 1 >= sql.length() || sql.charAt(start + 1) != ':') {
                    return -1; // a named parameter or an array slice
                }
                token(Kind.CAST, "::");
                return start + 2;
            }
            default -> {
                return -1; // ? $ \ ` { } @ # and anything outside ASCII
            }
        }
        return start + 1;
    }

    private void token(Kind kind, String text) {
        token(kind, text, "");
    }

    private void token(Kind kind, String text, String word) {
        key.append(text).append(' ');
        remember(kind, word);
    }

    private void remember(Kind kind, String word) {
        beforePrevious = previous;
        beforeWord = previousWord;
        previous = kind;
        previousWord = word;
        spaced = false;
    }

    /** Two word-like tokens with nothing between them: PostgreSQL and JSqlParser may not split them alike. */
    private boolean adjacentToWordLike() {
        return !spaced && (previous == Kind.WORD || previous == Kind.QUOTED || previous == Kind.LITERAL);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }

    /** PostgreSQL's operator characters, less {@code ?}, {@code @}, {@code #} and backquote (see the class comment). */
    private static boolean isOperatorChar(char c) {
        return switch (c) {
            case '+', '-', '*', '/', '<', '>', '=', '~', '!', '%', '^', '&', '|' -> true;
            default -> false;
        };
    }
}
