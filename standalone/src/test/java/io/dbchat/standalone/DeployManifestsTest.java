package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s and deploy/compose.yaml checked offline. Kubernetes' own JSON schemas cannot be fetched here, so
 * this is a structural check of what dbchat's manifests must hold: known kinds and API versions, the image
 * names the image build produces, probes on the actuator's health groups at a port the container declares,
 * resources, a PodDisruptionBudget per stage and a KEDA ScaledObject on consumer lag for translator and executor.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of(System.getProperty("basedir", ".")).resolve("../deploy").normalize();
    private static final Set<String> STAGES = Set.of("schema-publisher", "translator", "executor", "interpreter", "gateway");
    private static final Map<String, String> API_VERSIONS = Map.of("Deployment", "apps/v1", "Service", "v1",
            "PodDisruptionBudget", "policy/v1", "ScaledObject", "keda.sh/v1alpha1", "ConfigMap", "v1", "Secret", "v1");

    static List<Map<String, Object>> documents = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    if (doc != null) {
                        documents.add((Map<String, Object>) doc);
                    }
                }
            }
        }
    }

    @Test
    void everyDocumentIsAKnownKindWithItsApiVersionAndAName() {
        assertThat(documents).isNotEmpty().allSatisfy(doc -> {
            assertThat(API_VERSIONS).containsKey((String) doc.get("kind"));
            assertThat(doc.get("apiVersion")).isEqualTo(API_VERSIONS.get(doc.get("kind")));
            assertThat(string(doc, "metadata", "name")).isNotBlank();
        });
    }

    @Test
    void eachStageRunsItsImageWithProbesOnTheHealthGroupsAndResources() {
        assertThat(of("Deployment")).extracting(d -> string(d, "metadata", "labels", "stage"))
                .containsExactlyInAnyOrderElementsOf(STAGES);
        for (Map<String, Object> d : of("Deployment")) {
            String stage = string(d, "metadata", "labels", "stage");
            assertThat(map(d, "spec", "template", "metadata", "labels")).containsAllEntriesOf(map(d, "spec", "selector", "matchLabels"));
            Map<String, Object> container = list(d, "spec", "template", "spec", "containers").getFirst();
            assertThat(container.get("image")).isEqualTo("dbchat/" + stage + ":0.1.0");
            Map<String, Object> port = list(container, "ports").getFirst();
            assertThat(port.get("name")).isEqualTo("http");
            assertThat(string(d, "spec", "template", "metadata", "annotations", "prometheus.io/port"))
                    .isEqualTo(String.valueOf(port.get("containerPort")));
            assertThat(string(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(string(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(string(container, "readinessProbe", "httpGet", "port")).isEqualTo("http");
            assertThat(string(container, "livenessProbe", "httpGet", "port")).isEqualTo("http");
            assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
            assertThat(map(container, "resources", "limits")).containsKey("memory");
        }
    }

    @Test
    void eachStageHasADisruptionBudgetAndServicesSelectAStage() {
        assertThat(of("PodDisruptionBudget")).extracting(p -> string(p, "spec", "selector", "matchLabels", "stage"))
                .containsExactlyInAnyOrderElementsOf(STAGES);
        assertThat(of("PodDisruptionBudget")).allSatisfy(p ->
                assertThat(map(p, "spec").keySet()).containsOnlyOnce("selector").containsAnyOf("minAvailable", "maxUnavailable"));
        assertThat(of("Service")).extracting(s -> string(s, "spec", "selector", "stage")).containsExactly("gateway");
    }

    @Test
    void translatorAndExecutorScaleOnTheirConsumerGroupsLag() {
        assertThat(of("ScaledObject")).extracting(s -> string(s, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrder("dbchat-translator", "dbchat-executor");
        for (Map<String, Object> scaled : of("ScaledObject")) {
            Map<String, Object> trigger = list(scaled, "spec", "triggers").getFirst();
            assertThat(trigger.get("type")).isEqualTo("kafka");
            String stage = string(scaled, "spec", "scaleTargetRef", "name").substring("dbchat-".length());
            assertThat(map(trigger, "metadata")).containsEntry("consumerGroup", "dbchat." + stage)
                    .containsKeys("bootstrapServers", "topic", "lagThreshold");
            assertThat((Integer) map(scaled, "spec").get("maxReplicaCount")).isBetween(1, 6);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheSameImagesAndScrapesEveryStage() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        for (String stage : STAGES) {
            assertThat(((Map<String, Object>) services.get(stage)).get("image")).isEqualTo("dbchat/" + stage + ":0.1.0");
        }
        assertThat(services).containsKeys("prometheus", "grafana");
        String prometheus = Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"));
        assertThat(STAGES).allSatisfy(stage -> assertThat(prometheus).contains("\"" + stage + ":"));
    }

    private static List<Map<String, Object>> of(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("%s in %s", key, String.join(".", path)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String... path) {
        String last = path[path.length - 1];
        Map<String, Object> parent = path.length == 1 ? node : map(node, java.util.Arrays.copyOf(path, path.length - 1));
        assertThat(parent.get(last)).as(String.join(".", path)).isInstanceOf(List.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) parent.get(last);
        assertThat(items).as(String.join(".", path)).isNotEmpty();
        return items;
    }

    private static String string(Map<String, Object> node, String... path) {
        String last = path[path.length - 1];
        Map<String, Object> parent = path.length == 1 ? node : map(node, java.util.Arrays.copyOf(path, path.length - 1));
        assertThat(parent).as(String.join(".", path)).containsKey(last);
        return String.valueOf(parent.get(last));
    }
}
