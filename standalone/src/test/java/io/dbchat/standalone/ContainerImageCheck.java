package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The image tarballs that {@code -Pimages package} built (Jib's {@code buildTar}), opened as a container runtime
 * would load them: the manifest names the image deploy/ uses, the configuration starts the stage's main class
 * on its port, and the application's classes and libraries are in layers of their own. Runs only in that profile.
 */
class ContainerImageCheck {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();

    @ParameterizedTest
    @CsvSource({
            "schema-publisher, dbchat/schema-publisher, io.dbchat.schemapublisher.SchemaPublisherApplication, 8081",
            "translator, dbchat/translator, io.dbchat.translator.TranslatorApplication, 8082",
            "executor, dbchat/executor, io.dbchat.executor.ExecutorApplication, 8083",
            "interpreter, dbchat/interpreter, io.dbchat.interpreter.InterpreterApplication, 8084",
            "gateway, dbchat/gateway, io.dbchat.gateway.GatewayApplication, 8080",
            "standalone, dbchat/dbchat, io.dbchat.standalone.Dbchat, 8080"})
    void theImageStartsTheStageFromItsOwnLayers(String module, String name, String mainClass, int port) throws IOException {
        Path tarball = ROOT.resolve(module).resolve("target/jib-image.tar");
        Map<String, byte[]> json = jsonFiles(tarball);

        JsonNode manifest = Json.MAPPER.readTree(json.get("manifest.json")).get(0);
        assertThat(manifest.path("RepoTags").get(0).asString()).isEqualTo(name + ":0.1.0");
        JsonNode config = Json.MAPPER.readTree(json.get(manifest.path("Config").asString())).path("config");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
        assertThat(entrypoint).startsWith("java").contains("--enable-native-access=ALL-UNNAMED").endsWith(mainClass);
        assertThat(config.path("ExposedPorts").has(port + "/tcp")).isTrue();
        assertThat(config.path("User").asString()).isEqualTo("1000:1000");

        Map<String, List<String>> layers = layerContents(tarball);
        List<String> listed = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> listed.add(layer.asString()));
        assertThat(layers.keySet()).containsExactlyInAnyOrderElementsOf(listed);
        String mainClassFile = "app/classes/" + mainClass.replace('.', '/') + ".class";
        List<String> withMain = layers.values().stream().filter(entries -> entries.contains(mainClassFile)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer holds " + mainClassFile));
        assertThat(withMain).allMatch(e -> e.startsWith("app/classes/"), "holds the application's classes only");
        assertThat(layers.values()).as("Spring Boot in a libraries layer")
                .anyMatch(entries -> entries.stream().anyMatch(e -> e.startsWith("app/libs/spring-boot-")));
    }

    /** The image's JSON files (manifest and configuration), read whole. */
    private static Map<String, byte[]> jsonFiles(Path tarball) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (var tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().endsWith(".json")) {
                    files.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        assertThat(files).as("JSON files in %s", tarball).containsKey("manifest.json");
        return files;
    }

    /** The files in each layer (a gzipped tar inside the image's tar), streamed: the libraries layer is large. */
    private static Map<String, List<String>> layerContents(Path tarball) throws IOException {
        Map<String, List<String>> layers = new HashMap<>();
        try (var tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().endsWith(".tar.gz")) {
                    layers.put(entry.getName(), names(new GZIPInputStream(tar)));
                }
            }
        }
        return layers;
    }

    private static List<String> names(InputStream layer) throws IOException {
        List<String> names = new ArrayList<>();
        var inner = new TarArchiveInputStream(layer);
        TarArchiveEntry entry;
        while ((entry = inner.getNextEntry()) != null) {
            if (entry.isFile()) {
                names.add(entry.getName().replaceFirst("^/", ""));
            }
        }
        return names;
    }
}
