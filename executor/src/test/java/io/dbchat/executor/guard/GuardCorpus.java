package io.dbchat.executor.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the guard corpora: attacks.tsv (expected code, tab, SQL) and legit.sql (statements ending in ";" at line end). */
public final class GuardCorpus {

    private GuardCorpus() {
    }

    public static Stream<Arguments> attacks() {
        return read("/guard/attacks.tsv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 2))
                .map(parts -> Arguments.of(parts[0], parts[1]));
    }

    public static List<String> legit() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read("/guard/legit.sql").lines().filter(l -> !l.startsWith("--")).toList()) {
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = GuardCorpus.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
