package io.dbchat.llm;

import io.dbchat.contracts.serde.Json;
import java.util.List;
import java.util.Map;

/** Response bodies in the providers' wire formats, with token usage counted as words. */
final class StubBodies {

    private StubBodies() {
    }

    static String openAi(String text) {
        return Json.MAPPER.writeValueAsString(Map.of(
                "id", "chatcmpl-stub", "object", "chat.completion", "created", 0, "model", "stub",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", words(text), "total_tokens", 100 + words(text))));
    }

    static String openAiStream(List<String> chunks) {
        StringBuilder out = new StringBuilder();
        chunks.forEach(chunk -> out.append(openAiChunk(chunk)));
        return out.append(openAiEnd(chunks.size())).toString();
    }

    /** One chunk of an OpenAI stream, as a server-sent event. */
    static String openAiChunk(String chunk) {
        return "data: " + Json.MAPPER.writeValueAsString(Map.of(
                "id", "chatcmpl-stub", "object", "chat.completion.chunk", "created", 0, "model", "stub",
                "choices", List.of(Map.of("index", 0, "delta", Map.of("content", chunk))))) + "\n\n";
    }

    /** The end of an OpenAI stream of {@code chunks} chunks: the finish reason with the usage, then [DONE]. */
    static String openAiEnd(int chunks) {
        return "data: " + Json.MAPPER.writeValueAsString(Map.of(
                "id", "chatcmpl-stub", "object", "chat.completion.chunk", "created", 0, "model", "stub",
                "choices", List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 100, "completion_tokens", chunks, "total_tokens", 100 + chunks)))
                + "\n\ndata: [DONE]\n\n";
    }

    static String anthropic(String text) {
        return Json.MAPPER.writeValueAsString(Map.of(
                "id", "msg_stub", "type", "message", "role", "assistant", "model", "stub",
                "content", List.of(Map.of("type", "text", "text", text)),
                "stop_reason", "end_turn",
                "usage", Map.of("input_tokens", 100, "output_tokens", words(text))));
    }

    static String gemini(String text) {
        return Json.MAPPER.writeValueAsString(geminiChunk(text, true, words(text)));
    }

    /** Server-sent events, one response per chunk, as {@code streamGenerateContent?alt=sse} sends them. */
    static String geminiStream(List<String> chunks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            out.append("data: ").append(Json.MAPPER.writeValueAsString(geminiChunk(chunks.get(i), last, chunks.size())))
                    .append("\r\n\r\n");
        }
        return out.toString();
    }

    private static Map<String, Object> geminiChunk(String text, boolean last, int outputTokens) {
        Map<String, Object> candidate = new java.util.LinkedHashMap<>(Map.of("index", 0,
                "content", Map.of("role", "model", "parts", List.of(Map.of("text", text)))));
        if (last) {
            candidate.put("finishReason", "STOP");
        }
        return Map.of("candidates", List.of(candidate), "modelVersion", "stub", "usageMetadata", Map.of(
                "promptTokenCount", 100, "candidatesTokenCount", outputTokens, "totalTokenCount", 100 + outputTokens));
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
