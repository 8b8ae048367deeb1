package io.dbchat.gateway.mcp;

import io.dbchat.gateway.query.PrincipalResolver;
import io.dbchat.gateway.security.PrincipalAttributes;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Names the principal of each {@code /mcp} request in an exchange attribute, where the MCP transport's
 * context extractor finds it: the security chain has authenticated the request by then (an unauthenticated
 * one never gets here outside open mode), but its reactive context does not reach the tool handlers.
 */
final class McpPrincipalFilter implements WebFilter {

    static final String ATTRIBUTE = McpPrincipalFilter.class.getName() + ".principal";
    /** The principal's attributes for the access policies, beside its name. */
    static final String ATTRIBUTES = McpPrincipalFilter.class.getName() + ".attributes";

    private final String endpoint;
    private final PrincipalResolver principals;
    private final PrincipalAttributes attributes;

    McpPrincipalFilter(String endpoint, PrincipalResolver principals, PrincipalAttributes attributes) {
        this.endpoint = endpoint;
        this.principals = principals;
        this.attributes = attributes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().equals(endpoint)) {
            return chain.filter(exchange);
        }
        return principals.resolve(exchange)
                .flatMap(principal -> attributes.of(principal, exchange.getPrincipal()).doOnNext(attrs -> {
                    exchange.getAttributes().put(ATTRIBUTE, principal);
                    exchange.getAttributes().put(ATTRIBUTES, attrs);
                }))
                .then(chain.filter(exchange));
    }
}
