package io.dbchat.interpreter.narrate;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.llm.Placeholders;
import io.dbchat.interpreter.InterpreterProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders the versioned prompt template ({@code prompts/interpret-<version>.txt}: system text, a
 * {@code === USER ===} line, then the user text) for one result, with or without row values by datasource.
 */
public final class InterpretPrompt {

    public static final String VERSION = "v1";
    private static final String USER_MARKER = "=== USER ===";

    private final String system;
    private final String user;
    private final InterpreterProperties properties;

    public InterpretPrompt(InterpreterProperties properties) {
        String template = load("prompts/interpret-" + VERSION + ".txt");
        int split = template.indexOf(USER_MARKER);
        this.system = template.substring(0, split).strip();
        this.user = template.substring(split + USER_MARKER.length()).strip();
        this.properties = properties;
    }

    List<ChatMessage> messages(QueryAnswered r) {
        boolean privacy = properties.privacyFor(r.question().datasource());
        // one pass: a question quoting "{{sql}}", or SQL quoting "{{result}}", stays as written
        String text = Placeholders.fill(user, Map.of("question", r.question().question(), "sql", r.proposal().sql(),
                "result", ResultDigest.of(r, privacy, properties.promptRows()).strip()));
        return List.of(SystemMessage.from(system), UserMessage.from(text));
    }

    private static String load(String resource) {
        try (InputStream in = InterpretPrompt.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing prompt template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
