package io.dbchat.gateway.mcp;

import io.dbchat.gateway.GatewayProperties;
import io.dbchat.gateway.knowledge.Knowledge;
import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.query.QuestionIntake;
import io.dbchat.gateway.query.SqlIntake;
import io.dbchat.gateway.replies.ReplySource;
import io.dbchat.gateway.schema.SchemaLookup;
import io.dbchat.gateway.schema.SchemaSource;
import io.dbchat.gateway.security.DatasourcePolicy;
import io.dbchat.gateway.security.PrincipalAttributes;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
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
    McpPrincipalFilter mcpPrincipalFilter(PrincipalResolver principals, PrincipalAttributes attributes) {
        return new McpPrincipalFilter(ENDPOINT, principals, attributes);
    }

    @Bean
    WebFluxStreamableServerTransportProvider mcpTransport() {
        return WebFluxStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .messageEndpoint(ENDPOINT)
                .contextExtractor(request -> request.exchange().getAttribute(McpPrincipalFilter.ATTRIBUTE) instanceof String p
                        ? McpTransportContext.create(Map.of(Tools.PRINCIPAL, p, Tools.ATTRIBUTES,
                                request.exchange().getAttributeOrDefault(McpPrincipalFilter.ATTRIBUTES, Map.of())))
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
                             SqlIntake intake, ReplySource replies, SchemaLookup lookup, GatewayProperties gateway,
                             McpProperties properties, Knowledge knowledge) {
        var sql = intake.via("mcp");
        var tools = new Tools(questions, sql, lookup, new ToolAnswers(replies, gateway.answerTimeout(), properties.maxRows()));
        var knowledgeTools = new KnowledgeTools(knowledge, lookup);
        return McpServer.async(transport)
                .serverInfo("dbchat", "1")
                .instructions("dbchat answers questions about a PostgreSQL database. Use list_tables and describe_table "
                        + "to learn the schema, ask for questions in plain language, and run_sql for a SELECT you wrote. "
                        + "search_knowledge shows what the team taught dbchat; propose_knowledge proposes an example or note.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(java.util.stream.Stream.concat(tools.all().stream(), knowledgeTools.all().stream()).toList())
                .build();
    }
}
