package io.dbchat.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code dbchat.gateway.subscribers}: the streams open on this instance right now, by channel: Server-Sent
 * Events ({@code .../events}), WebSockets ({@code /ws/...}) and MCP streams ({@code /mcp}). A request is
 * counted from the moment it reaches the handlers until its response ends, which for these is the stream.
 */
public final class SubscriberMeters implements WebFilter {

    public static final String SUBSCRIBERS = "dbchat.gateway.subscribers";

    private final AtomicInteger sse = new AtomicInteger();
    private final AtomicInteger websocket = new AtomicInteger();
    private final AtomicInteger mcp = new AtomicInteger();

    public SubscriberMeters(MeterRegistry registry) {
        gauge(registry, "sse", sse);
        gauge(registry, "websocket", websocket);
        gauge(registry, "mcp", mcp);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        AtomicInteger open = channel(exchange);
        if (open == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doOnSubscribe(s -> open.incrementAndGet()).doFinally(signal -> open.decrementAndGet());
    }

    private AtomicInteger channel(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getRequest().getMethod() != HttpMethod.GET && !path.equals("/mcp")) {
            return null;
        }
        if (path.startsWith("/api/") && path.endsWith("/events")) {
            return sse;
        }
        if (path.startsWith("/ws/")) {
            return websocket;
        }
        return path.equals("/mcp") ? mcp : null;
    }

    private static void gauge(MeterRegistry registry, String channel, AtomicInteger open) {
        Gauge.builder(SUBSCRIBERS, open, AtomicInteger::get).tag("channel", channel)
                .description("Streams open on this gateway instance").register(registry);
    }
}
