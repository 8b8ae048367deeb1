package io.dbchat.llm.provider;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP client under the providers' LangChain4j models: the JDK's, with each streamed answer read on a virtual
 * thread. LangChain4j's own {@code JdkHttpClient} reads a streamed answer in a dependent task of {@code sendAsync},
 * on a platform thread of the client's cached pool (or, given any other executor, of the common fork-join pool), so
 * every answer being streamed holds a platform thread until its last chunk; here it holds a virtual one. A plain
 * call blocks its caller, as LangChain4j's does (the translator calls from virtual threads). Over plain {@code http://}
 * (a local server, the benchmark's scripted model) it speaks HTTP/1.1: left at HTTP/2, the JDK client asks every
 * request to upgrade to cleartext HTTP/2, which such servers decline. The connection pool has no per-host cap; how
 * many calls are open at once is the stages' {@code max-in-flight}. Only JSON bodies: a multipart request is refused.
 */
final class Http implements HttpClient {

    private static final ExecutorService VIRTUAL = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("llm-http-", 0).factory());

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;

    private Http(java.net.http.HttpClient jdk, Duration readTimeout) {
        this.jdk = jdk;
        this.readTimeout = readTimeout;
    }

    /** A client builder for calls to {@code baseUrl}; the model's builder sets its timeouts. */
    static HttpClientBuilder client(String baseUrl) {
        boolean plain = baseUrl != null && baseUrl.strip().toLowerCase(Locale.ROOT).startsWith("http:");
        return new Builder(plain);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (!successful(response.statusCode())) {
            throw new HttpException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        VIRTUAL.execute(() -> {
            try {
                stream(request, parser, listener);
            } catch (RuntimeException e) {
                quietly(() -> listener.onError(e instanceof IllegalStateException && e.getCause() instanceof IOException
                        ? e.getCause() : e));
            }
        });
    }

    private void stream(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (!successful(response.statusCode())) {
                var error = new HttpException(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                quietly(() -> listener.onError(error));
                return;
            }
            var opened = SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).build();
            quietly(() -> listener.onOpen(opened));
            parser.parse(body, listener);
            quietly(listener::onClose);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("Multipart requests are not supported by the model client.");
        }
        var builder = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()))
                .method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        try {
            return jdk.send(builder.build(), body);
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the model.", e);
        }
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    private static void quietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException ignored) {
            // a listener's failure is the listener's; the stream is over either way
        }
    }

    private static final class Builder implements HttpClientBuilder {

        private final boolean plain;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(boolean plain) {
            this.plain = plain;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            // the client's own short tasks stay on its default pool: on virtual threads, one created for each,
            // they cost more CPU per call (JFR, dbchat bench model) and hold nothing while a call waits
            var jdk = java.net.http.HttpClient.newBuilder();
            if (plain) {
                jdk.version(java.net.http.HttpClient.Version.HTTP_1_1);
            }
            if (connectTimeout != null) {
                jdk.connectTimeout(connectTimeout);
            }
            return new Http(jdk.build(), readTimeout);
        }
    }
}
