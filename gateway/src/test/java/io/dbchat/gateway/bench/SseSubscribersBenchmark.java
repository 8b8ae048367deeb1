package io.dbchat.gateway.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Benchmark client, not a test: submits {@code n} questions to a running gateway, then holds {@code n}
 * SSE subscriptions open at once (one per question) and counts how many receive their FINAL. Run it
 * against a {@link BenchmarkRig} whose answers come after every subscriber is connected.
 * Usage: {@code SseSubscribersBenchmark [baseUrl] [n]}; exits 1 unless every subscriber got its FINAL.
 */
public final class SseSubscribersBenchmark {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static final int OPENING = 512;

    private SseSubscribersBenchmark() {
    }

    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        var pool = ConnectionProvider.builder("bench").maxConnections(n + 100).pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(2)).build();
        WebClient web = WebClient.builder().baseUrl(base)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool))).build();

        long start = System.nanoTime();
        List<String> eventUrls = Flux.range(0, n)
                .flatMap(i -> web.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("query", "How many orders? #" + i)).retrieve()
                        .bodyToMono(Map.class).map(m -> (String) m.get("events_url")), 128)
                .collectList().block(Duration.ofMinutes(5));
        System.out.printf("submitted %d questions in %.1f s%n", eventUrls.size(), seconds(start));

        AtomicInteger connected = new AtomicInteger();
        AtomicInteger finals = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> causes = new ConcurrentHashMap<>();
        long subscribe = System.nanoTime();
        // at most OPENING streams are being opened at once (a stream counts as open at its first event):
        // 10,000 connects in one burst are more than the listen backlog (net.core.somaxconn) holds, and
        // on a loaded machine a connect left waiting can miss the client's 30 s connect timeout
        Semaphore opening = new Semaphore(OPENING);
        Flux.fromIterable(eventUrls)
                .doOnNext(url -> opening.acquireUninterruptibly())
                .flatMap(url -> {
                    AtomicBoolean opened = new AtomicBoolean();
                    Runnable open = () -> {
                        if (opened.compareAndSet(false, true)) {
                            opening.release();
                        }
                    };
                    return web.get().uri(url).accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE)
                            .doOnNext(e -> open.run())
                            .doOnNext(e -> count(e, connected, finals, n, subscribe))
                            .doFinally(signal -> open.run())
                            .then()
                            .onErrorResume(e -> {
                                failed.incrementAndGet();
                                causes.computeIfAbsent(cause(e), c -> new AtomicInteger()).incrementAndGet();
                                return Mono.empty();
                            });
                }, n)
                .blockLast(Duration.ofMinutes(10));
        System.out.printf("subscribers %d, got status %d, got final %d, failed %d, %.1f s after subscribing%n",
                n, connected.get(), finals.get(), failed.get(), seconds(subscribe));
        causes.forEach((cause, count) -> System.out.printf("  failed %d times: %s%n", count.get(), cause));
        pool.dispose();
        System.exit(finals.get() == n ? 0 : 1);
    }

    private static void count(ServerSentEvent<String> e, AtomicInteger connected, AtomicInteger finals, int n, long since) {
        if ("status".equals(e.event()) && connected.incrementAndGet() == n) {
            System.out.printf("all %d subscribers connected and holding after %.1f s%n", n, seconds(since));
        }
        if ("final".equals(e.event())) {
            finals.incrementAndGet();
        }
    }

    private static String cause(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("[0-9a-f-]{36}", "<id>");
        return e.getClass().getSimpleName() + ": " + message;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
