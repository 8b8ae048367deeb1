package io.dbchat.standalone.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: records of fields; a double-quoted field may hold commas, line breaks and doubled quotes.
 * Each record knows the line it starts on, so an error can name it.
 */
final class CsvRecords {

    /** One record's fields and the (1-based) line of the file where it starts. */
    record Row(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    static List<List<String>> parse(String text) {
        return rows(text).stream().map(Row::fields).toList();
    }

    static List<Row> rows(String text) {
        List<Row> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int line = 1;
        int start = 1;
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(new Row(start, record));
                record = new ArrayList<>();
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(new Row(start, record));
        }
        return records;
    }
}
