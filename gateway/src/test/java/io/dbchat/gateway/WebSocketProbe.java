package io.dbchat.gateway;

import io.dbchat.contracts.serde.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;

/** A real WebSocket client: sends text frames, collects the server's JSON messages until a condition holds. */
public final class WebSocketProbe {

    private WebSocketProbe() {
    }

    /** Sends the frames, then reads messages until {@code done} holds for the list received so far. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> exchange(URI uri, List<String> frames,
                                                     Predicate<List<Map<String, Object>>> done) {
        List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
        new ReactorNettyWebSocketClient().execute(uri, session -> session
                        .send(Flux.fromIterable(frames).delayElements(Duration.ofMillis(20)).map(session::textMessage))
                        .and(session.receive()
                                .map(WebSocketMessage::getPayloadAsText)
                                .map(text -> (Map<String, Object>) Json.MAPPER.readValue(text, Map.class))
                                .doOnNext(received::add)
                                .takeUntil(m -> done.test(received))
                                .then()))
                .block(Duration.ofSeconds(30));
        return received;
    }

    public static long count(List<Map<String, Object>> messages, String type) {
        return messages.stream().filter(m -> type.equals(m.get("type"))).count();
    }
}
