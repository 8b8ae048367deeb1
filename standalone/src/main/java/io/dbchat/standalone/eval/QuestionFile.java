package io.dbchat.standalone.eval;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads eval questions: JSON Lines ({@code .jsonl}/{@code .json}, one object per line with {@code question},
 * {@code gold_sql} and optional {@code category}) or CSV with a header naming those columns in any order
 * (RFC 4180: double-quoted fields may hold commas, quotes doubled, and line breaks). A row with more fields
 * than the header names, or a JSON line with a field of its own, is an error naming its line: such a row
 * is usually an unquoted comma in the SQL, which would otherwise be scored as a different question.
 */
public final class QuestionFile {

    private static final List<String> ORDER = List.of("question", "gold_sql", "category");
    private static final Set<String> FIELDS = Set.copyOf(ORDER);

    private QuestionFile() {
    }

    public static List<EvalQuestion> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? jsonLines(text) : csv(text);
    }

    static List<EvalQuestion> jsonLines(String text) {
        List<EvalQuestion> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                JsonNode node = jsonObject(lines[i], i + 1);
                List<String> extra = node.propertyNames().stream().filter(f -> !FIELDS.contains(f)).toList();
                if (!extra.isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 1) + " has fields other than " + ORDER + ": " + extra);
                }
                out.add(new EvalQuestion(text(node, "question"), text(node, "gold_sql"), text(node, "category")));
            }
        }
        return out;
    }

    private static JsonNode jsonObject(String line, int number) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below with the line's number
        }
        throw new IllegalArgumentException("line " + number + " is not a JSON object with " + ORDER);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static List<EvalQuestion> csv(String text) {
        List<CsvRecords.Row> records = CsvRecords.rows(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.getFirst().fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int question = required(header, "question");
        int gold = required(header, "gold_sql");
        int category = header.indexOf("category");
        List<EvalQuestion> out = new ArrayList<>();
        for (CsvRecords.Row row : records.subList(1, records.size())) {
            List<String> r = row.fields();
            if (r.size() == 1 && r.getFirst().isBlank()) {
                continue;
            }
            if (r.size() > header.size()) {
                throw new IllegalArgumentException("line " + row.line() + " has " + r.size() + " fields, the header names "
                        + header.size() + " " + header + " (quote a field that holds a comma)");
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
