package io.dbchat.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc serves at /v3/api-docs (UI at /swagger-ui.html): the REST and SSE
 * endpoints come from the controllers; the WebSocket, which OpenAPI cannot describe, is told in words.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String DESCRIPTION = """
            Ask a PostgreSQL database questions in plain language.

            * `POST /api/chat/queries` accepts a question (202) and names its events URL; \
            `POST /api/chat/query/` waits for the answer (db_chat compatible).
            * `GET /api/chat/queries/{id}/events` and `GET /api/chat/conversations/{id}/events` stream replies \
            as Server-Sent Events (status, token, final, error) with ids for `Last-Event-ID` resume and \
            heartbeat comments. Every body uses snake_case; a FINAL's `answer` has exactly the synchronous \
            answer's shape (`columns` as names, `column_types` beside them, `row_count`, `truncated` and, when a \
            limit cut the rows, `row_estimate`; `edited` for SQL the caller wrote).
            * `POST /api/chat/sql` with `{"sql", "conversation_id", "edits"}` runs SQL as written (an answer's \
            SQL, edited): no translator, the same guard, plan check and read-only execution, a new turn of the \
            conversation (202, followed like a question). `POST /api/chat/queries/{id}/cancel` stops a running \
            query (202; it ends with the error `cancelled`; 200 and nothing done for an ended one). \
            `POST /api/sql/explain` with `{"sql"}` reads a query in plain words from its parse tree (no model); \
            SQL that is not one query is a 400. `GET /api/chat/conversations?limit=n` lists the n most recent. \
            `GET /api/chat/access` says the access mode, the caller and the longest question accepted.
            * WebSocket `/ws/db_chat/query/`: send `{"query", "conversation_id"}` text frames; receive \
            `{"type": "status" | "token" | "chat_response" | "error", ...}` for every question on the socket. \
            Browsers cannot set headers on a WebSocket, so the key may also come as `?api_key=` \
            (it may then appear in access logs; prefer the header where the client can set it).
            * Authentication: `X-API-Key` (or `Authorization: Bearer <key>`) in api-key mode, a JWT bearer \
            token in jwt mode, none in open mode. Errors are `{"code", "message"}`.
            """;

    @Bean
    OpenAPI dbchatOpenApi() {
        return new OpenAPI()
                .info(new Info().title("dbchat gateway").version("1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
