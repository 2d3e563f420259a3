package de.stadtportal.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered objects into the Kubernetes API model (fabric8's, generated from the API's OpenAPI
 * document) and refuses what the API server would not take: an unknown kind or version, a field the
 * type does not have (fabric8 keeps such fields in {@code additionalProperties}; this reader does not),
 * a value of the wrong type. The Prometheus Operator's two kinds are read into records of the fields
 * this project uses, equally strictly.
 */
final class KubernetesModel {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            // "2" where the API wants 2 is refused by the API server, so here too
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                private static final long serialVersionUID = 1L;

                /** No catch-all for unknown fields: they fail instead of landing in additionalProperties. */
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private KubernetesModel() {
    }

    /** The object as its API type; an {@link AssertionError} naming the object and the field it cannot take. */
    static Object read(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<?> javaType = TYPES.get(type);
        if (javaType == null) {
            throw new AssertionError("unknown kind " + type + " (" + object.at("/metadata/name").asText() + ")");
        }
        try {
            return STRICT.treeToValue(object, javaType);
        } catch (JsonProcessingException e) {
            throw new AssertionError(type + " " + object.at("/metadata/name").asText() + ": " + e.getMessage(), e);
        }
    }

    /** monitoring.coreos.com/v1 ServiceMonitor, the fields this project sets. */
    record ServiceMonitor(String apiVersion, String kind, ObjectMeta metadata, ServiceMonitorSpec spec) {
    }

    record ServiceMonitorSpec(LabelSelector selector, List<Endpoint> endpoints, String jobLabel) {
    }

    record Endpoint(String port, String path, String interval, String scheme) {
    }

    /** monitoring.coreos.com/v1 PrometheusRule: Prometheus' rule groups under {@code spec}. */
    record PrometheusRule(String apiVersion, String kind, ObjectMeta metadata, RuleSpec spec) {
    }

    record RuleSpec(List<RuleGroup> groups) {
    }

    record RuleGroup(String name, String interval, List<Rule> rules) {
    }

    record Rule(String alert, String record, String expr, @JsonProperty("for") String pendingFor,
            @JsonProperty("keep_firing_for") String keepFiringFor, Map<String, String> labels,
            Map<String, String> annotations) {
    }
}
