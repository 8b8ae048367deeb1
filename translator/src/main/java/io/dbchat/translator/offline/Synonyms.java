package io.dbchat.translator.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Common English synonyms of schema words, read once from {@code offline/synonyms.txt}: word → words meaning it. */
final class Synonyms {

    private static final Map<String, Set<String>> BY_CANONICAL = load();

    private Synonyms() {
    }

    /** The words a person may use for the schema word {@code word} (singular, lower case). */
    static Set<String> of(String word) {
        return BY_CANONICAL.getOrDefault(word, Set.of());
    }

    private static Map<String, Set<String>> load() {
        var in = Synonyms.class.getResourceAsStream("/offline/synonyms.txt");
        if (in == null) {
            throw new IllegalStateException("missing resource offline/synonyms.txt");
        }
        Map<String, Set<String>> map = new HashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                String[] parts = line.split(":", 2);
                Set<String> words = map.computeIfAbsent(parts[0].strip(), k -> new HashSet<>());
                for (String w : parts[1].split(",")) {
                    words.add(Words.singular(w.strip()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
