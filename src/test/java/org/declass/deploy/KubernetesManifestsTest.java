package org.declass.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/*.yaml and deploy/docker-compose.yml read as YAML: the probes ask health paths the server serves, on
 * container ports that are the application's own (quarkus.http.port, quarkus.management.port) and that the image
 * exposes; the Service reaches a declared port of the pods it selects. ImageEntrypointIT asks the probe paths of a
 * running server.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("deploy/k8s");

    /** Every document of every deploy/k8s/*.yaml. */
    static List<JsonNode> manifests() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(f.toFile())) {
                    for (JsonNode doc : it.readAll()) {
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            docs.add(doc);
                        }
                    }
                }
            }
        }
        return docs;
    }

    static JsonNode only(String kind) throws IOException {
        List<JsonNode> found = manifests().stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertThat(found).as("one %s in %s", kind, K8S).hasSize(1);
        return found.get(0);
    }

    static JsonNode container() throws IOException {
        JsonNode containers = only("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).as("containers of the Deployment").isEqualTo(1);
        return containers.get(0);
    }

    /** The container's ports: name to number. */
    static Map<String, Integer> containerPorts() throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (JsonNode p : container().path("ports")) {
            ports.put(p.path("name").asText(), p.path("containerPort").asInt());
        }
        return ports;
    }

    /** A probe's or a Service's port, given by name or by number, as a number the container declares. */
    static int resolve(JsonNode port, Map<String, Integer> declared) {
        if (port.isInt()) {
            assertThat(declared.values()).as("container ports").contains(port.asInt());
            return port.asInt();
        }
        assertThat(declared).as("container ports by name").containsKey(port.asText());
        return declared.get(port.asText());
    }

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        assertThat(manifests()).extracting(d -> d.path("kind").asText())
                .containsExactlyInAnyOrder("ConfigMap", "Deployment", "Secret", "Service");
    }

    @Test
    void theProbesAskTheStartedReadyAndLivePathsOnTheApplicationsHttpPort() throws IOException {
        JsonNode c = container();
        Map<String, Integer> ports = containerPorts();
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        expected.forEach((probe, path) -> {
            JsonNode get = c.path(probe).path("httpGet");
            assertThat(get.isMissingNode()).as("%s with httpGet", probe).isFalse();
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path).isIn(DockerfileTest.HEALTH_PATHS);
            assertThat(resolve(get.path("port"), ports)).as("%s's port", probe).isEqualTo(Dockerfile.httpPort());
        });
    }

    @Test
    void theContainerDeclaresTheHttpAndManagementPortsOfTheApplicationAndTheImageExposesThem() throws IOException {
        Map<String, Integer> ports = containerPorts();
        assertThat(ports).containsEntry("http", Dockerfile.httpPort()).containsEntry("metrics", Dockerfile.managementPort());
        assertThat(Dockerfile.read(Dockerfile.JVM).exposedPorts()).containsAll(ports.values());
    }

    @Test
    void theServiceSelectsThePodsAndReachesTheirHttpPort() throws IOException {
        JsonNode service = only("Service");
        JsonNode labels = only("Deployment").at("/spec/template/metadata/labels");
        service.at("/spec/selector").fields().forEachRemaining(
                e -> assertThat(labels.path(e.getKey()).asText()).as("pod label %s", e.getKey()).isEqualTo(e.getValue().asText()));
        assertThat(service.at("/spec/ports").size()).isEqualTo(1);
        assertThat(resolve(service.at("/spec/ports/0/targetPort"), containerPorts())).isEqualTo(Dockerfile.httpPort());
    }

    @Test
    void theDeploymentRunsAsTheImagesUserAndReadsTheConfigMapAndSecretItShips() throws IOException {
        JsonNode pod = only("Deployment").at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
        assertThat(Dockerfile.read(Dockerfile.JVM).all("USER")).containsExactly("185");
        List<String> from = new ArrayList<>();
        container().path("envFrom").forEach(e -> e.fields().forEachRemaining(r -> from.add(r.getValue().path("name").asText())));
        assertThat(from).containsExactlyInAnyOrder(only("ConfigMap").at("/metadata/name").asText(),
                only("Secret").at("/metadata/name").asText());
    }

    @Test
    void theComposeFilesInstancesUseTheImagesHealthCheckOnThePortNginxAsks() throws IOException {
        // SnakeYAML itself, not Jackson: the instances share their settings through a merge key (<<: *declass)
        Object loaded = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("deploy/docker-compose.yml")));
        JsonNode compose = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(loaded);
        String nginx = Files.readString(Path.of("deploy/nginx/declass.conf"));
        int instances = 0;
        for (var it = compose.path("services").fields(); it.hasNext(); ) {
            var service = it.next();
            if (!service.getValue().path("image").asText().startsWith("declass:")) {
                continue;
            }
            instances++;
            // no healthcheck of its own: the image's HEALTHCHECK (DockerfileTest) applies; one of its own would
            // have to ask the same path and port
            JsonNode test = service.getValue().path("healthcheck").path("test");
            if (!test.isMissingNode()) {
                assertThat(test.toString()).contains("/q/health/ready").contains(":" + Dockerfile.httpPort() + "/");
            }
            assertThat(nginx).as("nginx's upstream").contains("server " + service.getKey() + ":" + Dockerfile.httpPort());
        }
        assertThat(instances).as("declass services in docker-compose.yml").isEqualTo(2);
    }
}
