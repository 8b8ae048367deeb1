package io.dbchat.standalone.web;

import io.dbchat.standalone.SharedDemo;
import io.dbchat.standalone.Standalone;
import io.dbchat.standalone.StandaloneSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The embedded default started in-process for browser tests, ready once its gateway has a schema. */
final class DemoGateway {

    private static final Duration READY = Duration.ofSeconds(90);

    private DemoGateway() {
    }

    static Standalone start(Map<String, String> environment, List<String> arguments, Map<String, String> headers) {
        var dbchat = Standalone.start(new StandaloneSettings(environment, arguments));
        try {
            awaitSchema(dbchat.port(), headers);
            return dbchat;
        } catch (RuntimeException | Error e) {
            dbchat.close();
            throw e;
        }
    }

    /** The {@link SharedDemo} system, once its gateway has a schema. */
    static Standalone shared() {
        var dbchat = SharedDemo.standalone();
        awaitSchema(dbchat.port(), Map.of());
        return dbchat;
    }

    static String url(Standalone dbchat) {
        return "http://127.0.0.1:" + dbchat.port() + "/";
    }

    private static void awaitSchema(int port, Map<String, String> headers) {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/schema-info/"));
        headers.forEach(request::header);
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(250);
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no schema snapshot reached the gateway within " + READY);
    }
}
