package io.dbchat.interpreter.answer;

import io.dbchat.interpreter.result.Values;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query is about, in words: its first FROM table, humanised and in the plural ("time_entries" →
 * "time entries", "Customer" → "customers"), since tables are named either way.
 */
record Subject(String plural) {

    private static final Set<String> UNCOUNTABLE = Set.of("data", "staff", "news", "information",
            "equipment", "inventory", "feedback", "metadata", "personnel", "stock", "software", "media");

    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+(?:(?:\"[^\"]+\"|\\w+)\\.)?(\"[^\"]+\"|\\w+)");

    static Subject of(String sql) {
        Matcher m = sql == null ? null : FROM.matcher(sql);
        if (m == null || !m.find()) {
            return new Subject("rows");
        }
        String name = m.group(1).replace("\"", "").replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return new Subject(name.isEmpty() ? "rows" : pluralOf(name));
    }

    /** The plural of a name whose last word may be singular ("order line" → "order lines"). */
    static String pluralOf(String name) {
        String last = name.substring(name.lastIndexOf(' ') + 1);
        if (UNCOUNTABLE.contains(last) || !last.matches("[a-z]+")
                || last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us") && !last.endsWith("is")) {
            return name;
        }
        if (last.matches(".*[^aeiou]y")) {
            return name.substring(0, name.length() - 1) + "ies";
        }
        if (last.matches(".*(s|x|z|ch|sh)")) {
            return name + "es";
        }
        return name + "s";
    }

    String singular() {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("ches") || plural.endsWith("shes") || plural.endsWith("xes") || plural.endsWith("sses")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") && !plural.endsWith("ss") ? plural.substring(0, plural.length() - 1) : plural;
    }

    String counted(long n) {
        return n == 1 ? "1 " + singular() : Values.number(n) + " " + plural;
    }
}
