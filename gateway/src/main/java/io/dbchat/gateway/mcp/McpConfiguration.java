package io.dbchat.gateway.mcp;

import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.conversations.Conversations;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.query.QuestionIntake;
import io.dbchat.gateway.query.SqlIntake;
import io.dbchat.gateway.query.SqlSubmitter;
import io.dbchat.gateway.ratelimit.SubmissionLimiter;
import io.dbchat.gateway.replies.ReplyListener;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import io.dbchat.gateway.security.DatasourcePolicy;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxStreamableServerTransportProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The MCP server at {@code /mcp} (Streamable HTTP): the SDK's asynchronous server over Spring AI's WebFlux
 * transport, with dbchat's {@link Tools}. The security chain guards {@code /mcp} like {@code /api}; each
 * request's principal travels to the tools in the transport context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
@ConditionalOnProperty(name = "dbchat.gateway.mcp.enabled", havingValue = "true", matchIfMissing = true)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";

    @Bean
    McpPrincipalFilter mcpPrincipalFilter(PrincipalResolver principals) {
        return new McpPrincipalFilter(ENDPOINT, principals);
    }

    @Bean
    WebFluxStreamableServerTransportProvider mcpTransport() {
        return WebFluxStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint(ENDPOINT)
                .contextExtractor(request -> request.exchange().getAttribute(McpPrincipalFilter.ATTRIBUTE) instanceof String p
                        ? McpTransportContext.create(Map.of(Tools.PRINCIPAL, p))
                        : McpTransportContext.EMPTY)
                .build();
    }

    @Bean
    @SuppressWarnings("unchecked")
    RouterFunction<ServerResponse> mcpRoutes(WebFluxStreamableServerTransportProvider transport) {
        return (RouterFunction<ServerResponse>) transport.getRouterFunction();
    }

    @Bean(destroyMethod = "close")
    McpAsyncServer mcpServer(WebFluxStreamableServerTransportProvider transport, QuestionIntake questions,
                             SqlSubmitter sqlSubmitter, List<ReplyListener> listeners, ReplySource replies,
                             SchemaLookup lookup, SchemaSource schemas, DatasourcePolicy policy,
                             Conversations conversations, SubmissionLimiter limiter, GatewayProperties gateway,
                             McpProperties properties, Clock clock) {
        var sql = new SqlIntake(sqlSubmitter, listeners, lookup, schemas, policy, conversations, limiter,
                properties.maxSqlBytes(), "mcp", clock);
        var tools = new Tools(questions, sql, lookup, new ToolAnswers(replies, gateway.answerTimeout(), properties.maxRows()));
        return McpServer.async(transport)
                .serverInfo("dbchat", "1")
                .instructions("dbchat answers questions about a PostgreSQL database. Use list_tables and describe_table "
                        + "to learn the schema, ask for questions in plain language, and run_sql for a SELECT you wrote.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.all())
                .build();
    }
}
