package io.dbchat.translator.prompt;

import io.dbchat.contracts.events.ForeignKey;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.llm.Placeholders;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.contracts.schema.SqlIdentifiers;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.context.Turn;
import io.dbchat.translator.knowledge.KnowledgeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Fills a {@link PromptTemplate} from a request: dialect, the schema of the tables the {@link SchemaSelector}
 * keeps (with their join conditions), the rules' row limit, the conversation's earlier questions with their SQL,
 * the question, and on a correction the failed SQL with the database's error, or with the guard's refusal and the
 * real columns of the tables it names ({@code {{failure}}}; {@code {{error}}} is the bare message). The team's
 * knowledge that the request carries (terms, notes on the prompt's tables, similar verified examples) fills
 * {@code {{knowledge}}}, bounded in characters. Pure apart from the selector.
 */
public final class PromptBuilder {

    private static final int MAX_RENDERINGS = 256;

    private final PromptTemplate template;
    private final SchemaSelector selector;
    private final String dialect;
    private final int limit;
    private final int knowledgeChars;
    private final Map<RenderKey, Rendered> renderings = new ConcurrentHashMap<>();

    public PromptBuilder(PromptTemplate template, SchemaSelector selector, String dialect, int limit) {
        this(template, selector, dialect, limit, 4000);
    }

    /** @param knowledgeChars characters of knowledge ({@code {{knowledge}}}) a prompt holds at most */
    public PromptBuilder(PromptTemplate template, SchemaSelector selector, String dialect, int limit, int knowledgeChars) {
        this.template = template;
        this.selector = selector;
        this.dialect = dialect;
        this.limit = limit;
        this.knowledgeChars = knowledgeChars;
    }

    public String version() {
        return template.version();
    }

    public Prompt build(TranslationRequest request) {
        SchemaSnapshot schema = request.schema();
        List<TableSchema> tables = selector.select(schema, request.question().question());
        List<String> names = tables.stream().map(TableSchema::qualifiedName).toList();
        Rendered rendered = rendered(schema, tables, names);
        Map<String, String> values = Map.of(
                "knowledge", KnowledgeText.render(request.knowledge(), names, knowledgeChars),
                "dialect", dialect,
                "schema", rendered.schema(),
                "joins", rendered.joins(),
                "limit", Integer.toString(limit),
                "history", history(request.history()),
                "retry", retry(request),
                "question", request.question().question());
        return new Prompt(Placeholders.fill(template.main(), values), template.version(), names);
    }

    /**
     * The schema part of a prompt depends only on the snapshot (its version is a hash of its content) and the tables
     * chosen, so it is rendered once for each and reused: for a schema that fits whole, that is once per version.
     */
    private Rendered rendered(SchemaSnapshot schema, List<TableSchema> tables, List<String> names) {
        if (renderings.size() > MAX_RENDERINGS) {
            renderings.clear();
        }
        return renderings.computeIfAbsent(new RenderKey(schema.datasource(), schema.version(), names), k -> new Rendered(
                SchemaText.render(schema, names),
                joins(schema, tables.stream().map(SchemaSelector::ref).collect(Collectors.toSet()))));
    }

    private record RenderKey(String datasource, String version, List<String> tables) {
    }

    private record Rendered(String schema, String joins) {
    }

    private String retry(TranslationRequest request) {
        if (request.previousFailure() == null) {
            return "";
        }
        var failure = request.previousFailure();
        String error = failure.message() + (failure.sqlState() == null ? "" : " (SQLSTATE " + failure.sqlState() + ")");
        return Placeholders.fill(template.retry(), Map.of(
                "attempt", Integer.toString(failure.proposal().attempt()),
                "failed_sql", failure.proposal().sql(),
                "error", error,
                "failure", failure.fromGuard()
                        ? "The SQL check refused it: " + error + "\n" + RefusalHint.of(request.schema(), failure.proposal().sql())
                        : "The database said: " + error));
    }

    static String history(List<Turn> turns) {
        if (turns.isEmpty()) {
            return "(none)\n";
        }
        StringBuilder out = new StringBuilder();
        for (Turn t : turns) {
            out.append("Question: ").append(t.question()).append('\n')
                    .append("SQL: ").append(t.sql() == null ? "(none)" : t.sql().strip()).append('\n');
            if (t.answer() != null && !t.answer().isBlank()) {
                out.append("Answer: ").append(t.answer().strip()).append('\n');
            }
        }
        return out.toString();
    }

    /** One line per foreign key whose both ends are in the prompt: {@code a.x = b.y}. */
    static String joins(SchemaSnapshot schema, Set<String> chosen) {
        List<String> lines = new ArrayList<>();
        for (TableSchema t : schema.tables()) {
            if (!chosen.contains(SchemaSelector.ref(t))) {
                continue;
            }
            for (ForeignKey fk : t.foreignKeys() == null ? List.<ForeignKey>of() : t.foreignKeys()) {
                String target = SqlIdentifiers.table(fk.refSchema(), fk.refTable());
                if (chosen.contains(target)) {
                    lines.add(condition(SchemaSelector.ref(t), fk.columns(), target, fk.refColumns()));
                }
            }
        }
        return lines.isEmpty() ? "(none)\n" : lines.stream().map(l -> "- " + l + "\n").collect(Collectors.joining());
    }

    private static String condition(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < leftColumns.size(); i++) {
            parts.add(left + "." + SqlIdentifiers.quote(leftColumns.get(i)) + " = " + right + "."
                    + SqlIdentifiers.quote(rightColumns.get(i)));
        }
        return String.join(" AND ", parts);
    }
}
