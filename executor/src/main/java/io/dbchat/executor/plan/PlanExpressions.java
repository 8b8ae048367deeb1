package io.dbchat.executor.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an expression as EXPLAIN VERBOSE prints it (PostgreSQL's own deparser: every column qualified by its
 * range table entry's unique name, literals as {@code 'text'::type}) and lists what it refers to: qualified
 * column references ({@code u.email}, {@code c.*}) and the names of the functions it calls. A word followed by
 * a parenthesis is a call unless it is one of the deparser's keywords ({@code COALESCE(}, {@code AND (},
 * {@code FILTER (} ...); type names after {@code ::} are skipped. Anything it cannot lex makes the whole
 * expression unreadable ({@link #read} returns null), which the judge treats as a refusal.
 */
final class PlanExpressions {

    /** Words the deparser writes before a parenthesis that are syntax, not function calls. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "any", "all", "some", "filter", "over",
            "row", "array", "coalesce", "greatest", "least", "nullif", "exists", "in", "case", "when", "then", "else",
            "end", "is", "distinct", "from", "group", "order", "by", "within", "extract", "as", "between", "like",
            "ilike", "similar", "escape", "using", "where", "subplan", "hashed", "alternatives", "rows", "asc", "desc",
            "nulls", "first", "last", "on", "null", "true", "false");
    /** Second words of multi-word type names after {@code ::}. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");

    /** A column reference: {@code qualifier.column}, the column {@code *} for a whole-row reference. */
    record ColumnRef(String qualifier, String column) {
    }

    /**
     * What one expression refers to: column references, called functions, the types it casts to (lower-cased,
     * with their modifiers) and its other bare words (keywords and SQL value functions such as CURRENT_USER).
     */
    record References(List<ColumnRef> columns, List<String> functions, List<String> casts, List<String> words) {
    }

    private PlanExpressions() {
    }

    /** The references in {@code expression}, or null when it holds something this reader does not know. */
    static References read(String expression) {
        List<String> casts = new ArrayList<>();
        List<Token> tokens = lex(expression, casts);
        if (tokens == null) {
            return null;
        }
        List<ColumnRef> columns = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind != Kind.WORD) {
                continue;
            }
            boolean dotted = at(tokens, i + 1, ".");
            if (dotted && i + 2 >= tokens.size()) {
                return null;
            }
            if (dotted) {
                Token next = tokens.get(i + 2);
                if (next.kind == Kind.WORD && at(tokens, i + 3, "(")) {
                    functions.add(t.text + "." + next.text);
                    i += 2;
                    continue;
                }
                if (next.kind == Kind.WORD || next.text.equals("*")) {
                    columns.add(new ColumnRef(t.text, next.text));
                    i += 2;
                    continue;
                }
                return null;
            }
            if (at(tokens, i + 1, "(") && (t.quoted || !KEYWORDS.contains(t.text))) {
                functions.add(t.text);
            } else if (!t.quoted) {
                words.add(t.text);
            }
        }
        return new References(List.copyOf(columns), List.copyOf(functions), List.copyOf(casts), List.copyOf(words));
    }

    private static boolean at(List<Token> tokens, int i, String text) {
        return i < tokens.size() && tokens.get(i).kind == Kind.PUNCT && tokens.get(i).text.equals(text);
    }

    private enum Kind { WORD, PUNCT }

    /** A word (unquoted ones lower-cased, quoted ones as written) or one punctuation character. */
    private record Token(Kind kind, String text, boolean quoted) {
    }

    private static List<Token> lex(String s, List<String> casts) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = skipString(s, i, false);
            } else if ((c == 'E' || c == 'e') && i + 1 < s.length() && s.charAt(i + 1) == '\'' && !wordBefore(s, i)) {
                i = skipString(s, i + 1, true);
            } else if (c == '"') {
                int end = quotedEnd(s, i);
                if (end < 0) {
                    return null;
                }
                out.add(new Token(Kind.WORD, s.substring(i + 1, end).replace("\"\"", "\""), true));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int end = wordEnd(s, i);
                out.add(new Token(Kind.WORD, s.substring(i, end).toLowerCase(Locale.ROOT), false));
                i = end;
            } else if (Character.isDigit(c) || c == '$') {
                i = numberEnd(s, i + 1);
            } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                int start = skipBlanks(s, i + 2);
                i = skipType(s, i + 2);
                if (i > start) {
                    casts.add(s.substring(start, i).replace("\"", "").strip().toLowerCase(Locale.ROOT));
                }
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), false));
                i++;
            }
            if (i < 0) {
                return null;
            }
        }
        return out;
    }

    private static boolean wordBefore(String s, int i) {
        return i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_');
    }

    /** Past a string literal starting at the quote {@code start}; -1 when it never ends. */
    private static int skipString(String s, int start, boolean backslashes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int quotedEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '"') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private static int numberEnd(String s, int i) {
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < s.length() && Character.isDigit(s.charAt(j))) {
                return numberEnd(s, j);
            }
        }
        return i;
    }

    /**
     * Past the type name of a cast: a (possibly quoted, possibly schema-qualified) name, the second words of
     * multi-word names ({@code character varying}, {@code timestamp(3) with time zone}), a type modifier in
     * parentheses and array brackets.
     */
    private static int skipType(String s, int i) {
        i = skipTypeName(s, skipBlanks(s, i));
        while (i >= 0) {
            int j = skipBlanks(s, i);
            if (j < s.length() && s.charAt(j) == '(') {
                int close = s.indexOf(')', j);
                if (close < 0 || !s.substring(j + 1, close).matches("[0-9, ]*")) {
                    return -1;
                }
                i = close + 1;
            } else if (s.startsWith("[]", j)) {
                i = j + 2;
            } else if (j < s.length() && Character.isLetter(s.charAt(j))
                    && TYPE_WORDS.contains(s.substring(j, wordEnd(s, j)).toLowerCase(Locale.ROOT))) {
                i = wordEnd(s, j);
            } else {
                return i;
            }
        }
        return -1;
    }

    private static int skipTypeName(String s, int i) {
        while (i < s.length()) {
            if (s.charAt(i) == '"') {
                int end = quotedEnd(s, i);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else if (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_') {
                i = wordEnd(s, i);
            } else {
                return -1;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    private static int skipBlanks(String s, int i) {
        while (i >= 0 && i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
