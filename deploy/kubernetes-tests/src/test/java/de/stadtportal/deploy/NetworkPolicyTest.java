package de.stadtportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read as the cluster's network plugin reads the policies: everything is refused unless a policy
 * admits it, the backends' API ports admit the gateway alone, Prometheus reaches every management port,
 * and the in-cluster PostgreSQL and Kafka admit only the services that use them.
 */
class NetworkPolicyTest {

    private static final Map<String, String> GATEWAY = Map.of("app.kubernetes.io/name", "gateway-service");

    static Stream<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_pod_is_refused_all_traffic_unless_a_policy_admits_it(String name) {
        assertThat(Overlay.rendered(name).all(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isEmpty();
            assertThat(policy.getSpec().getEgress()).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_workload_has_a_policy_of_its_own(String name) {
        Overlay overlay = Overlay.rendered(name);
        overlay.workloads().keySet().forEach(workload -> assertThat(policyOf(overlay, workload)).as(workload).isNotNull());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void the_api_port_of_every_backend_admits_the_gateway_alone(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String backend : ServiceConfiguration.BACKENDS) {
            List<NetworkPolicyIngressRule> toApi = rulesFor(policyOf(overlay, backend), "http");
            assertThat(toApi).as(backend).isNotEmpty().allSatisfy(rule -> assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(GATEWAY);
            }));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheus_alone_reaches_every_management_port(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            List<NetworkPolicyIngressRule> toManagement = rulesFor(policyOf(overlay, service), "management");
            assertThat(toManagement).as(service).singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement()
                    .satisfies(peer -> {
                        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring");
                        assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
                    }));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_that_verifies_tokens_may_fetch_the_providers_key_set(String name) {
        Overlay overlay = Overlay.rendered(name);
        for (String service : ServiceConfiguration.SERVICES) {
            if (!ServiceConfiguration.usesWebModule(service)) {
                continue;
            }
            assertThat(policyOf(overlay, service).getSpec().getEgress()).as(service + " reaches identity-service")
                    .anySatisfy(rule -> {
                        assertThat(rule.getTo()).anySatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                                .containsEntry("app.kubernetes.io/name", "identity-service"));
                        assertThat(rule.getPorts()).anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(8085));
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresql_and_kafka_in_the_cluster_admit_only_the_services_that_use_them(String name) {
        Overlay overlay = Overlay.rendered(name);
        Map<String, List<String>> users = Map.of(
                "postgresql", List.of("content-service", "events-service", "search-service", "identity-service"),
                "kafka", List.of("content-service", "events-service", "search-service"));
        users.forEach((store, services) -> {
            if (!overlay.workloads().containsKey(store)) {
                return;
            }
            assertThat(policyOf(overlay, store).getSpec().getIngress()).as(store).singleElement()
                    .satisfies(rule -> assertThat(rule.getFrom()).singleElement().satisfies(peer ->
                            assertThat(peer.getPodSelector().getMatchExpressions()).singleElement()
                                    .satisfies(expression -> assertThat(expression.getValues()).containsExactlyInAnyOrderElementsOf(services))));
        });
    }

    private static NetworkPolicy policyOf(Overlay overlay, String workload) {
        return overlay.all(NetworkPolicy.class).stream().filter(policy -> selects(policy.getSpec().getPodSelector(), workload))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no NetworkPolicy selects " + workload));
    }

    private static boolean selects(LabelSelector selector, String workload) {
        return selector.getMatchLabels() != null && workload.equals(selector.getMatchLabels().get("app.kubernetes.io/name"));
    }

    private static List<NetworkPolicyIngressRule> rulesFor(NetworkPolicy policy, String portName) {
        return policy.getSpec().getIngress().stream()
                .filter(rule -> rule.getPorts().stream().anyMatch(port -> new IntOrString(portName).equals(port.getPort())))
                .toList();
    }
}
