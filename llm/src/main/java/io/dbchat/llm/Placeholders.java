package io.dbchat.llm;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code {{name}}} placeholders of a prompt template in one pass: a placeholder inside a filled value
 * (a question quoting "{{sql}}") stays as typed, and one with no value stays as written.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        return PLACEHOLDER.matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
}
