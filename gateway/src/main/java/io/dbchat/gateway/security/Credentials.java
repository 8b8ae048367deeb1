package io.dbchat.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a caller's secret is read from: the {@code X-API-Key} header, an {@code Authorization: Bearer}
 * header, or, on the WebSocket handshake only (browsers cannot set headers there), the {@code api_key} or
 * {@code access_token} query parameter. A query parameter can end up in access logs: prefer headers.
 */
final class Credentials {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String WEBSOCKET_PATH_PREFIX = "/ws/";
    private static final String BEARER = "bearer ";

    private Credentials() {
    }

    /** The secret the request carries, or null. */
    static String of(ServerHttpRequest request, boolean apiKeyHeader) {
        HttpHeaders headers = request.getHeaders();
        String key = apiKeyHeader ? headers.getFirst(API_KEY_HEADER) : null;
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        if (request.getPath().value().startsWith(WEBSOCKET_PATH_PREFIX)) {
            var params = request.getQueryParams();
            String fromQuery = params.getFirst("api_key") != null ? params.getFirst("api_key") : params.getFirst("access_token");
            return fromQuery == null || fromQuery.isBlank() ? null : fromQuery.strip();
        }
        return null;
    }
}
