package io.dbchat.gateway.mcp;

import static io.dbchat.gateway.mcp.Tools.arguments;
import static io.dbchat.gateway.mcp.Tools.attributes;
import static io.dbchat.gateway.mcp.Tools.schema;
import static io.dbchat.gateway.mcp.Tools.string;
import static io.dbchat.gateway.mcp.Tools.text;
import static io.dbchat.gateway.mcp.Tools.tool;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.knowledge.Knowledge;
import io.dbchat.gateway.knowledge.KnowledgeAccess.Caller;
import io.dbchat.gateway.knowledge.KnowledgeItem;
import io.dbchat.gateway.schema.SchemaLookup;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * The MCP tools of the team's knowledge, under the rules of the knowledge API ({@link Knowledge}): {@code
 * search_knowledge} reads a datasource's entries the caller may see, {@code propose_knowledge} proposes a verified
 * example or a note. Through MCP nothing is approved: the caller is never an admin here, so a proposal lands as
 * {@code proposed} for an admin to approve on the page or the API.
 */
final class KnowledgeTools {

    /** Entries one search returns at most. */
    static final int MAX_ENTRIES = 50;

    private final Knowledge knowledge;
    private final SchemaLookup schemas;

    KnowledgeTools(Knowledge knowledge, SchemaLookup schemas) {
        this.knowledge = knowledge;
        this.schemas = schemas;
    }

    List<AsyncToolSpecification> all() {
        return List.of(
                tool("search_knowledge", "Search what the team taught dbchat about a datasource: verified examples "
                                + "(a question and the SQL that answers it), business terms (their definition and SQL) "
                                + "and notes on tables. Approved entries are what dbchat answers with.",
                        schema(Map.of("query", string("Words to look for in the entries; all entries when omitted."),
                                "kind", string("example, term or doc; every kind when omitted."),
                                "status", string("approved or proposed; both when omitted."),
                                "datasource", string("The datasource; the default one when omitted."))),
                        this::search),
                tool("propose_knowledge", "Propose a verified example (question and sql) or a note (note, optionally "
                                + "about a table and column) for a datasource. It is saved as proposed, after dbchat's SQL "
                                + "guard accepts its SQL, and is used once an admin approves it.",
                        schema(Map.of("kind", string("example or doc."),
                                "question", string("For an example: the question, in plain language."),
                                "sql", string("For an example: the SELECT that answers it."),
                                "note", string("For a doc: the note."),
                                "table", string("For a doc: the table it is about (optional)."),
                                "column", string("For a doc: the column it is about (optional, with table)."),
                                "datasource", string("The datasource; the default one when omitted.")), "kind"),
                        this::propose));
    }

    private Mono<CallToolResult> search(McpAsyncServerExchange exchange, CallToolRequest request, String principal) {
        Map<String, Object> args = arguments(request);
        Caller caller = new Caller(principal, false, attributes(exchange));
        String words = text(args, "query");
        return Mono.fromCallable(() -> datasource(caller, text(args, "datasource")))
                .flatMap(datasource -> knowledge.list(caller, datasource, text(args, "kind"), text(args, "status"))
                        .map(entries -> found(datasource, entries.stream().filter(e -> matches(e, words)).toList())));
    }

    private Mono<CallToolResult> propose(McpAsyncServerExchange exchange, CallToolRequest request, String principal) {
        Map<String, Object> args = arguments(request);
        Caller caller = new Caller(principal, false, attributes(exchange));
        String kind = text(args, "kind");
        if (!KnowledgeEntry.EXAMPLE.equals(kind) && !KnowledgeEntry.DOC.equals(kind)) {
            return Mono.error(ProblemException.of(ErrorCode.INVALID_REQUEST,
                    "The argument 'kind' is example or doc: terms are defined on the page or through the API."));
        }
        var item = new KnowledgeItem(null, null, kind, null, text(args, "question"), text(args, "sql"), null, List.of(),
                null, null, null, text(args, "table"), text(args, "column"), text(args, "note"), null, null, null, null,
                null);
        return Mono.fromCallable(() -> datasource(caller, text(args, "datasource")))
                .flatMap(datasource -> knowledge.create(caller, datasource, item))
                .map(saved -> CallToolResult.builder()
                        .addTextContent("Proposed " + saved.kind() + " '" + saved.id() + "' for " + saved.datasource()
                                + "; an admin approves it before dbchat answers with it.")
                        .structuredContent(KnowledgeItem.of(saved)).build());
    }

    /** The datasource asked (the default one when none), as the caller may ask it. */
    private String datasource(Caller caller, String asked) {
        return schemas.require(caller.name(), asked, caller.attributes()).datasource();
    }

    private static CallToolResult found(String datasource, List<KnowledgeEntry> entries) {
        List<KnowledgeItem> shown = entries.stream().limit(MAX_ENTRIES).map(KnowledgeItem::of).toList();
        String text = shown.isEmpty() ? "No entries." : shown.stream().map(KnowledgeTools::line)
                .collect(Collectors.joining("\n"));
        return CallToolResult.builder().addTextContent(text)
                .structuredContent(Map.of("datasource", datasource, "total", entries.size(), "entries", shown)).build();
    }

    private static String line(KnowledgeItem e) {
        String body = switch (e.kind()) {
            case KnowledgeEntry.EXAMPLE -> e.question() + " => " + e.sql();
            case KnowledgeEntry.TERM -> e.name() + (e.definition() == null ? "" : ": " + e.definition())
                    + (e.expression() == null ? "" : " (" + e.expression() + " on " + e.table() + ")");
            default -> (e.table() == null ? "" : e.table() + (e.column() == null ? "" : "." + e.column()) + ": ")
                    + e.note();
        };
        return "[" + e.kind() + ", " + e.status() + "] " + e.id() + ": " + body;
    }

    /** Whether every word asked is in the entry's text, in any case. */
    private static boolean matches(KnowledgeEntry e, String words) {
        if (words == null || words.isBlank()) {
            return true;
        }
        String text = Stream.concat(Stream.of(e.question(), e.sql(), e.name(), e.definition(), e.expression(), e.table(),
                        e.column(), e.note()), e.synonyms().stream())
                .filter(java.util.Objects::nonNull).collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
        return Stream.of(words.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isBlank()).allMatch(text::contains);
    }
}
