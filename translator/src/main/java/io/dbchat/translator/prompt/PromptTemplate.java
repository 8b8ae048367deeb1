package io.dbchat.translator.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A versioned prompt: {@code <name>.txt} and its retry section {@code <name>-retry.txt}, read from an override
 * directory when it holds them, else from {@code prompts/} on the classpath. An overridden template's version
 * carries a hash of its text, so every event says exactly which words were sent.
 */
public record PromptTemplate(String version, String main, String retry) {

    public static PromptTemplate load(String name, String overrideDir) {
        Path dir = overrideDir == null || overrideDir.isBlank() ? null : Path.of(overrideDir);
        if (dir != null && Files.isRegularFile(dir.resolve(name + ".txt"))) {
            String main = read(dir.resolve(name + ".txt"));
            Path retryFile = dir.resolve(name + "-retry.txt");
            String retry = Files.isRegularFile(retryFile) ? read(retryFile) : classpath(name + "-retry.txt");
            return new PromptTemplate(name + "@" + hash(main + retry), main, retry);
        }
        return new PromptTemplate(name, classpath(name + ".txt"), classpath(name + "-retry.txt"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath(String file) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream("/prompts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No prompt template prompts/" + file + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
