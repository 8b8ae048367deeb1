package io.dbchat.gateway.mcp;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.TableSchema;
import io.dbchat.contracts.schema.SchemaText;
import io.dbchat.gateway.errors.ProblemException;
import io.dbchat.gateway.query.ChatRequest;
import io.dbchat.gateway.query.QuestionIntake;
import io.dbchat.gateway.query.SqlIntake;
import io.dbchat.gateway.schema.SchemaInfo;
import io.dbchat.gateway.schema.SchemaLookup;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * dbchat's MCP tools. Each call runs as the principal that authenticated its HTTP request, under the rules of
 * the REST API: {@code ask} goes through the {@link QuestionIntake} (datasource rule, conversation ownership,
 * rate limit), {@code run_sql} through the {@link SqlIntake}, and the schema tools through the datasource rule.
 * A refusal of any kind is an error result with its code and reason, never a protocol error.
 */
final class Tools {

    static final String PRINCIPAL = "dbchat.principal";
    /** The principal's attributes for the access policies, in the transport context beside its name. */
    static final String ATTRIBUTES = "dbchat.principal.attributes";
    private static final Logger log = LoggerFactory.getLogger(Tools.class);

    private final QuestionIntake questions;
    private final SqlIntake sql;
    private final SchemaLookup schemas;
    private final ToolAnswers answers;

    Tools(QuestionIntake questions, SqlIntake sql, SchemaLookup schemas, ToolAnswers answers) {
        this.questions = questions;
        this.sql = sql;
        this.schemas = schemas;
        this.answers = answers;
    }

    List<AsyncToolSpecification> all() {
        return List.of(
                tool("ask", "Ask a question of the database in plain language. Returns the answer in words, the SQL that "
                                + "answered it, its columns and the first rows. Pass conversation_id from an earlier answer "
                                + "to ask a follow-up question.",
                        schema(Map.of("question", string("The question, in plain language."),
                                "conversation_id", string("Continue this conversation (from an earlier answer)."),
                                "datasource", string("The datasource to ask; the default one when omitted.")),
                                "question"),
                        this::ask),
                tool("list_tables", "List the tables and views of a datasource, with their comments and row estimates.",
                        schema(Map.of("datasource", string("The datasource; the default one when omitted."))),
                        this::listTables),
                tool("describe_table", "Describe one table: its columns and types, the exact spelling of enum and CHECK "
                                + "values, primary key, foreign keys with their join condition, and comments.",
                        schema(Map.of("table", string("The table's name, optionally schema-qualified (sales.orders)."),
                                "datasource", string("The datasource; the default one when omitted.")), "table"),
                        this::describeTable),
                tool("run_sql", "Run one read-only SELECT that you wrote. It passes dbchat's SQL guard (published tables "
                                + "and columns only, allowlisted functions, a row limit) and runs in a read-only transaction; "
                                + "a refused statement comes back as an error with the guard's reason.",
                        schema(Map.of("sql", string("One SELECT statement."),
                                "purpose", string("What the SQL should answer, in words; it phrases the answer."),
                                "datasource", string("The datasource; the default one when omitted.")), "sql"),
                        this::runSql));
    }

    private Mono<CallToolResult> ask(McpAsyncServerExchange exchange, CallToolRequest request, String principal) {
        Map<String, Object> args = arguments(request);
        var chat = new ChatRequest(text(args, "question"), text(args, "conversation_id"), text(args, "datasource"));
        return questions.accept(chat, principal, attributes(exchange))
                .flatMap(q -> answers.follow(q, exchange, request.progressToken()));
    }

    private Mono<CallToolResult> runSql(McpAsyncServerExchange exchange, CallToolRequest request, String principal) {
        Map<String, Object> args = arguments(request);
        return sql.accept(new SqlIntake.SqlRun(text(args, "sql"), null, text(args, "datasource"), text(args, "purpose"), null),
                        principal, attributes(exchange))
                .flatMap(q -> answers.follow(q, exchange, request.progressToken()));
    }

    private Mono<CallToolResult> listTables(McpAsyncServerExchange exchange, CallToolRequest request, String principal) {
        return Mono.fromCallable(() -> {
            SchemaSnapshot snapshot = schemas.require(principal, text(arguments(request), "datasource"),
                    attributes(exchange));
            List<Map<String, Object>> tables = snapshot.tables().stream().map(Tools::summary).toList();
            String text = snapshot.tables().stream()
                    .map(t -> t.qualifiedName() + " (" + t.kind() + ", ~" + t.rowEstimate() + " rows)"
                            + (t.comment() == null || t.comment().isBlank() ? "" : ": " + t.comment()))
                    .collect(Collectors.joining("\n"));
            return CallToolResult.builder().addTextContent(text)
                    .structuredContent(Map.of("datasource", snapshot.datasource(), "version", snapshot.version(),
                            "tables", tables))
                    .build();
        });
    }

    private Mono<CallToolResult> describeTable(McpAsyncServerExchange exchange, CallToolRequest request, String principal) {
        return Mono.fromCallable(() -> {
            Map<String, Object> args = arguments(request);
            String name = text(args, "table");
            if (name == null || name.isBlank()) {
                throw ProblemException.of(ErrorCode.INVALID_REQUEST, "The argument 'table' is required.");
            }
            SchemaSnapshot snapshot = schemas.require(principal, text(args, "datasource"), attributes(exchange));
            TableSchema table = snapshot.table(name).orElseThrow(() -> ProblemException.of(ErrorCode.NOT_FOUND,
                    "No table or view '" + name + "' is published in '" + snapshot.datasource() + "'."));
            SchemaInfo.Table described = SchemaInfo.of(new SchemaSnapshot(snapshot.v(), snapshot.datasource(),
                    snapshot.version(), snapshot.readAt(), List.of(table))).tables().getFirst();
            return CallToolResult.builder().addTextContent(SchemaText.render(snapshot, List.of(table.name())))
                    .structuredContent(described).build();
        });
    }

    private static Map<String, Object> summary(TableSchema t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", t.schema());
        m.put("name", t.name());
        m.put("kind", t.kind());
        m.put("comment", t.comment());
        m.put("row_estimate", t.rowEstimate());
        return m;
    }

    /** One tool whose handler runs as the request's principal and turns every refusal into an error result. */
    static AsyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
                                               Handler handler) {
        BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> call = (exchange, request) -> {
            Object principal = exchange.transportContext().get(PRINCIPAL);
            if (!(principal instanceof String p)) {
                return Mono.just(error(new Problem("unauthorized", "Missing or invalid credentials.")));
            }
            return handler.call(exchange, request, p)
                    .onErrorResume(ProblemException.class, e -> Mono.just(error(e.problem())))
                    .onErrorResume(e -> !(e instanceof ProblemException), e -> {
                        log.warn("MCP tool {} failed", name, e);
                        return Mono.just(error(ErrorCode.INTERNAL.problem("The tool failed unexpectedly.")));
                    });
        };
        Tool tool = Tool.builder().name(name).description(description).inputSchema(inputSchema).build();
        return new AsyncToolSpecification(tool, call);
    }

    static CallToolResult error(Problem problem) {
        return CallToolResult.builder().addTextContent(problem.code() + ": " + problem.message())
                .structuredContent(Map.of("problem", Map.of("code", problem.code(), "message", problem.message())))
                .isError(true).build();
    }

    /** The caller's attributes, as the HTTP request that carries the call authenticated it. */
    @SuppressWarnings("unchecked")
    static Map<String, String> attributes(McpAsyncServerExchange exchange) {
        return exchange.transportContext().get(ATTRIBUTES) instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    static Map<String, Object> arguments(CallToolRequest request) {
        return request.arguments() == null ? Map.of() : request.arguments();
    }

    /** A string argument, or null; anything else given for it is refused. */
    static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ProblemException.of(ErrorCode.INVALID_REQUEST, "The argument '" + name + "' must be a string.");
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        return Map.of("type", "object", "properties", properties, "required", List.of(required),
                "additionalProperties", false);
    }

    @FunctionalInterface
    interface Handler {
        Mono<CallToolResult> call(McpAsyncServerExchange exchange, CallToolRequest request, String principal);
    }
}
