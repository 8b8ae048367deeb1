package io.dbchat.standalone.eval;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads eval questions: JSON Lines ({@code .jsonl}/{@code .json}, one object per line with {@code question},
 * {@code gold_sql} and optional {@code category}) or CSV with a header naming those columns in any order
 * (RFC 4180: double-quoted fields may hold commas, quotes doubled, and line breaks).
 */
public final class QuestionFile {

    private QuestionFile() {
    }

    public static List<EvalQuestion> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? jsonLines(text) : csv(text);
    }

    static List<EvalQuestion> jsonLines(String text) {
        List<EvalQuestion> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                JsonNode node = Json.MAPPER.readTree(line);
                out.add(new EvalQuestion(text(node, "question"), text(node, "gold_sql"), text(node, "category")));
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static List<EvalQuestion> csv(String text) {
        List<List<String>> records = CsvRecords.parse(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int question = required(header, "question");
        int gold = required(header, "gold_sql");
        int category = header.indexOf("category");
        List<EvalQuestion> out = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() == 1 && r.getFirst().isBlank()) {
                continue;
            }
            out.add(new EvalQuestion(field(r, question), field(r, gold), category < 0 ? null : field(r, category)));
        }
        return out;
    }

    private static int required(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the CSV header must name a column '" + name + "', it has " + header);
        }
        return i;
    }

    private static String field(List<String> record, int i) {
        return i < record.size() ? record.get(i) : null;
    }
}
