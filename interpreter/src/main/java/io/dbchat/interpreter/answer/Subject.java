package io.dbchat.interpreter.answer;

import io.dbchat.interpreter.result.Values;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a query is about, in words: its first FROM table, humanised ("time_entries" → "time entries"). */
record Subject(String plural) {

    private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+(?:(?:\"[^\"]+\"|\\w+)\\.)?(\"[^\"]+\"|\\w+)");

    static Subject of(String sql) {
        Matcher m = sql == null ? null : FROM.matcher(sql);
        if (m == null || !m.find()) {
            return new Subject("rows");
        }
        String name = m.group(1).replace("\"", "").replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return new Subject(name.isEmpty() ? "rows" : name);
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
