package io.dbchat.translator.stage;

import io.dbchat.llm.LlmStub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's LLM stub in a JVM of its own, as a deployment's provider is never inside the translator: the child
 * prints its OpenAI base URL and answers "SELECT 1" after the given latency until its standard input closes. The
 * parent side starts it with the parent's class path and reads the child's CPU time.
 */
final class LlmStubProcess implements AutoCloseable {

    private static final String URL_LINE = "url ";

    private final Process process;
    private final String baseUrl;

    private LlmStubProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the child JVM and waits for its URL. */
    static LlmStubProcess start(int latencyMs) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                "-Xmx512m", LlmStubProcess.class.getName(), Integer.toString(latencyMs)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(URL_LINE)) {
            process.destroyForcibly();
            throw new IOException("The stub process did not start: " + line);
        }
        return new LlmStubProcess(process, line.substring(URL_LINE.length()).strip());
    }

    String openAiBaseUrl() {
        return baseUrl;
    }

    /** CPU time the child has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    public static void main(String[] args) throws IOException {
        int latencyMs = Integer.parseInt(args[0]);
        try (var stub = new LlmStub().withoutRecording()) {
            stub.answerWith(r -> LlmStub.Reply.text("SELECT 1").after(Duration.ofMillis(latencyMs)));
            System.out.println(URL_LINE + stub.openAiBaseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input (or dies)
            }
        }
    }
}
