package io.dbchat.translator.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import java.util.Collection;
import java.util.Locale;

/**
 * The knowledge part of a prompt: definitions of the terms the question names, notes on the prompt's tables, then
 * verified examples as question and SQL. Bounded by {@code maxChars}: whole items are added in that order while they
 * fit, so a large knowledge base never grows the prompt past it.
 */
public final class KnowledgeText {

    private KnowledgeText() {
    }

    public static String render(KnowledgeHints hints, Collection<String> promptTables, int maxChars) {
        StringBuilder out = new StringBuilder();
        for (KnowledgeEntry term : hints.terms()) {
            String expression = term.expression() == null || term.expression().isBlank() ? ""
                    : "\n  As SQL (" + (term.expressionKind() == null ? "expression" : term.expressionKind()) + "): "
                    + term.expression().strip();
            String synonyms = term.synonyms().isEmpty() ? "" : " (also: " + String.join(", ", term.synonyms()) + ")";
            append(out, "- Term \"" + term.name() + "\"" + synonyms + ": " + nonNull(term.definition()) + expression + "\n",
                    maxChars);
        }
        for (KnowledgeEntry doc : hints.docs()) {
            if (doc.table() != null && shown(doc.table(), promptTables)) {
                String where = doc.column() == null || doc.column().isBlank() ? doc.table() : doc.table() + "." + doc.column();
                append(out, "- Note on " + where + ": " + nonNull(doc.note()).strip() + "\n", maxChars);
            }
        }
        for (KnowledgeEntry example : hints.examples()) {
            append(out, "Example question: " + example.question().strip() + "\nExample SQL:\n```sql\n"
                    + example.sql().strip() + "\n```\n", maxChars);
        }
        return out.isEmpty() ? "(none)\n" : out.toString();
    }

    private static void append(StringBuilder out, String item, int maxChars) {
        if (out.length() + item.length() <= maxChars) {
            out.append(item);
        }
    }

    /** A note names a table as {@code name} or {@code schema.name}; the prompt lists tables qualified. */
    private static boolean shown(String table, Collection<String> promptTables) {
        String wanted = table.toLowerCase(Locale.ROOT).replace("\"", "");
        return promptTables.stream().map(t -> t.toLowerCase(Locale.ROOT).replace("\"", ""))
                .anyMatch(t -> t.equals(wanted) || t.endsWith("." + wanted));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
