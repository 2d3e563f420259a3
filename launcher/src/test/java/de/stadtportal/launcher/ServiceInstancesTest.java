package de.stadtportal.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

    @Test
    void the_further_instances_of_a_backend_are_named_by_their_number_and_listen_a_hundred_ports_apart() {
        ServiceInstances three = new ServiceInstances(3);

        assertThat(three.extraNames("content-service")).containsExactly("content-service-2", "content-service-3");
        assertThat(ServiceInstances.port(8081, 1)).isEqualTo(8081);
        assertThat(ServiceInstances.port(8081, 2)).isEqualTo(8181);
        assertThat(ServiceInstances.port(9083, 3)).isEqualTo(9283);
        assertThat(ServiceInstances.numberOf("content-service-3", "content-service")).isEqualTo(3);
        assertThat(ServiceInstances.numberOf("content-service", "content-service")).isEqualTo(1);
    }

    @Test
    void the_gateway_the_provider_and_the_portal_stay_single() {
        ServiceInstances two = new ServiceInstances(2);

        assertThat(two.extraNames("gateway-service")).isEmpty();
        assertThat(two.extraNames("identity-service")).isEmpty();
        assertThat(two.extraNames("portal-web")).isEmpty();
    }

    @Test
    void one_instance_is_the_platform_as_it_always_was() {
        assertThat(ServiceInstances.single().count()).isEqualTo(1);
        assertThat(ServiceInstances.single().extraNames("search-service")).isEmpty();
        assertThat(ServiceInstances.single().partitions(6)).isEqualTo(6);
    }

    @Test
    void the_option_names_how_many_and_topics_get_at_least_that_many_partitions() {
        ServiceInstances four = ServiceInstances.from(List.of("--tracing", "--instances", "4"));

        assertThat(four.count()).isEqualTo(4);
        assertThat(four.partitions(3)).isEqualTo(4);
        assertThat(four.partitions(6)).isEqualTo(6);
    }

    @Test
    void a_count_that_is_no_number_or_out_of_range_is_refused_with_what_is_allowed() {
        assertThatThrownBy(() -> ServiceInstances.from(List.of("--instances", "zwei")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ServiceInstances.from(List.of("--instances")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("--instances 2");
        assertThatThrownBy(() -> new ServiceInstances(0)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("between 1 and 9");
        assertThatThrownBy(() -> new ServiceInstances(10)).isInstanceOf(LaunchException.class);
    }
}
