package io.dbchat.standalone.bench.model;

import io.dbchat.contracts.serde.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The bodies of OpenAI's chat-completions API as a scripted model sends them: a whole reply, or one streamed. */
public final class OpenAiBodies {

    private OpenAiBodies() {
    }

    /** A whole (non-streamed) completion of {@code text}. */
    public static String whole(String text) {
        return Json.MAPPER.writeValueAsString(Map.of(
                "id", "chatcmpl-scripted", "object", "chat.completion", "created", 0, "model", "scripted",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", 10, "total_tokens", 110)));
    }

    /** A streamed completion: one server-sent event per chunk, the last one with the finish reason, then [DONE]. */
    public static String streamed(List<String> chunks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Object> choice = i == chunks.size() - 1
                    ? Map.of("index", 0, "delta", Map.of("content", chunks.get(i)), "finish_reason", "stop")
                    : Map.of("index", 0, "delta", Map.of("content", chunks.get(i)));
            out.append("data: ").append(Json.MAPPER.writeValueAsString(Map.of("id", "chatcmpl-scripted",
                    "object", "chat.completion.chunk", "created", 0, "model", "scripted", "choices", List.of(choice))))
                    .append("\n\n");
        }
        return out.append("data: [DONE]\n\n").toString();
    }

    /** The content of the request's last user message: the question, in the prompts dbchat sends. */
    public static String lastUserMessage(JsonNode body) {
        String last = "";
        for (JsonNode m : body.path("messages")) {
            if ("user".equals(m.path("role").asString(""))) {
                JsonNode content = m.path("content");
                last = content.isString() ? content.asString() : content.toString();
            }
        }
        return last;
    }
}
