package de.stadtportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders, every object in it is one the Kubernetes API takes, and every workload is
 * run the way the platform wants it run: probed, bounded, unprivileged, with a disruption budget and
 * an account of its own.
 */
class KubernetesManifestsTest {

    static Stream<String> overlays() {
        return Overlay.names();
    }

    @Test
    void there_is_a_local_and_a_production_overlay() {
        assertThat(overlays()).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_object_of_the_overlay_is_a_valid_kubernetes_object(String name) {
        Overlay overlay = Overlay.rendered(name);

        assertThat(overlay.documents()).isNotEmpty();
        assertThat(overlay.all(Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceConfiguration.SERVICES);
    }

    @Test
    void the_model_refuses_a_field_kubernetes_does_not_know() {
        ObjectNode deployment = Overlay.rendered("local").documents().stream()
                .filter(document -> document.path("kind").asText().equals("Deployment")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replica", 2);

        assertThatThrownBy(() -> KubernetesModel.read(deployment)).hasMessageContaining("replica");
    }

    @Test
    void the_model_refuses_a_value_of_the_wrong_type() {
        ObjectNode deployment = Overlay.rendered("local").documents().stream()
                .filter(document -> document.path("kind").asText().equals("Deployment")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replicas", "2");

        assertThatThrownBy(() -> KubernetesModel.read(deployment)).hasMessageContaining("replicas");
    }

    @Test
    void the_model_refuses_a_kind_it_does_not_know() {
        ObjectNode object = Kustomize.YAML.createObjectNode().put("apiVersion", "apps/v1beta1").put("kind", "Deployment");

        assertThatThrownBy(() -> KubernetesModel.read(object)).hasMessageContaining("unknown kind apps/v1beta1/Deployment");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_container_has_startup_liveness_and_readiness_probes(String name) {
        containers(name).forEach((workload, container) -> {
            assertThat(container.getStartupProbe()).as(workload + " startup probe").isNotNull();
            assertThat(container.getLivenessProbe()).as(workload + " liveness probe").isNotNull();
            assertThat(container.getReadinessProbe()).as(workload + " readiness probe").isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_is_probed_on_its_management_port_at_its_health_groups(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            Container container = overlay.container(service);
            assertHttpProbe(service, container.getStartupProbe(), "/actuator/health/liveness");
            assertHttpProbe(service, container.getLivenessProbe(), "/actuator/health/liveness");
            assertHttpProbe(service, container.getReadinessProbe(), "/actuator/health/readiness");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_container_requests_cpu_and_memory_and_is_limited_in_both(String name) {
        containers(name).forEach((workload, container) -> {
            assertThat(container.getResources().getRequests()).as(workload + " requests").containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(workload + " limits").containsKeys("cpu", "memory");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_container_runs_as_a_user_without_privileges_on_a_read_only_root_filesystem(String name) {
        Overlay overlay = Overlay.rendered(name);
        overlay.workloads().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(workload + " runAsUser").isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(workload + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(workload + " mounts no API token").isFalse();
            for (Container container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getRunAsNonRoot()).as(workload + " runAsNonRoot").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(workload + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(workload + " readOnlyRootFilesystem").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(workload + " capabilities dropped").containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(workload + " capabilities added").isEmpty();
                assertThat(security.getPrivileged()).as(workload + " privileged").isNotEqualTo(Boolean.TRUE);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_writes_only_to_its_own_empty_tmp_directory(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            PodSpec pod = overlay.deployment(service).getSpec().getTemplate().getSpec();
            assertThat(pod.getContainers().get(0).getVolumeMounts()).as(service)
                    .singleElement().satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes()).as(service).singleElement()
                    .satisfies(volume -> assertThat(volume.getEmptyDir().getSizeLimit()).isNotNull());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_workload_has_a_disruption_budget_and_a_service_account_of_its_own(String name) {
        Overlay overlay = Overlay.rendered(name);
        List<PodDisruptionBudget> budgets = overlay.all(PodDisruptionBudget.class);
        overlay.workloads().forEach((workload, template) -> {
            Map<String, String> labels = template.getMetadata().getLabels();
            assertThat(budgets).as(workload + " has a PodDisruptionBudget")
                    .anySatisfy(budget -> assertThat(labels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels()));
            String account = template.getSpec().getServiceAccountName();
            assertThat(account).as(workload + " service account").isEqualTo(workload);
            assertThat(overlay.named(ServiceAccount.class, account)).as(workload + " service account exists").isPresent();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_spreads_its_instances_over_zones_and_nodes(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            assertThat(overlay.deployment(service).getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .as(service).extracting(constraint -> constraint.getTopologyKey())
                    .containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
    }

    @Test
    void the_local_overlay_runs_one_instance_of_each_service_from_images_built_here_beside_postgresql_and_kafka() {
        Overlay local = Overlay.rendered("local");

        for (String service : ServiceConfiguration.SERVICES) {
            assertThat(local.deployment(service).getSpec().getReplicas()).as(service).isEqualTo(1);
            assertThat(local.container(service).getImage()).isEqualTo("stadtportal/" + service + ":local");
        }
        assertThat(local.workloads()).containsKeys("postgresql", "kafka");
        assertThat(local.all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void production_runs_two_instances_at_least_and_scales_every_stateless_service_on_cpu() {
        Overlay production = Overlay.rendered("production");

        for (String service : ServiceConfiguration.SERVICES) {
            assertThat(production.deployment(service).getSpec().getReplicas()).as(service).isGreaterThanOrEqualTo(2);
        }
        List<HorizontalPodAutoscaler> autoscalers = production.all(HorizontalPodAutoscaler.class);
        assertThat(autoscalers).extracting(autoscaler -> autoscaler.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway-service", "content-service", "events-service", "search-service", "portal-web");
        assertThat(autoscalers).allSatisfy(autoscaler -> {
            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMetrics()).anySatisfy(metric ->
                    assertThat(metric.getResource().getName()).isEqualTo("cpu"));
        });
        assertThat(production.workloads()).doesNotContainKeys("postgresql", "kafka");
    }

    @Test
    void the_consumer_lag_variant_also_scales_search_on_its_consumers_lag() {
        HorizontalPodAutoscaler search = Overlay.rendered("production-consumer-lag").named(HorizontalPodAutoscaler.class, "search-service").orElseThrow();

        assertThat(search.getSpec().getMetrics()).anySatisfy(metric -> {
            assertThat(metric.getType()).isEqualTo("External");
            assertThat(metric.getExternal().getMetric().getName()).isEqualTo("kafka_consumer_fetch_manager_records_lag_max");
        });
    }

    @Test
    void production_commits_no_secret_and_every_secret_it_expects_is_documented_with_its_keys() {
        Overlay production = Overlay.rendered("production");
        String documentation = ServiceConfiguration.read(Overlay.ROOT.resolve("docs/kubernetes.md"));

        assertThat(production.all(Secret.class)).isEmpty();
        for (String service : ServiceConfiguration.SERVICES) {
            Container container = production.container(service);
            container.getEnv().stream().filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                    .map(variable -> variable.getValueFrom().getSecretKeyRef())
                    .forEach(reference -> assertThat(documentation).as("docs/kubernetes.md names Secret " + reference.getName() + " and its key " + reference.getKey())
                            .contains("`" + reference.getName() + "`").contains("`" + reference.getKey() + "`"));
            container.getEnvFrom().stream().filter(source -> source.getSecretRef() != null)
                    .forEach(source -> assertThat(documentation).contains("`" + source.getSecretRef().getName() + "`"));
        }
    }

    private static Map<String, Container> containers(String overlay) {
        Map<String, Container> containers = new LinkedHashMap<>();
        Overlay.rendered(overlay).workloads().forEach((workload, template) -> template.getSpec().getContainers()
                .forEach(container -> containers.put(workload + "/" + container.getName(), container)));
        return containers;
    }

    private static void assertHttpProbe(String service, Probe probe, String path) {
        assertThat(probe).as(service + " probe at " + path).isNotNull();
        assertThat(probe.getHttpGet()).as(service + " probes over HTTP").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(service + " probe path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(service + " probe port").isEqualTo("management");
    }
}
