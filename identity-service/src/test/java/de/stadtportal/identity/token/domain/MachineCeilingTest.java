package de.stadtportal.identity.token.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MachineCeilingTest {

    final MachineCeiling admin = new MachineCeiling(Set.of("admin"), Set.of("*"));
    final MachineCeiling bochumEditor = new MachineCeiling(Set.of("editor"), Set.of("bochum", "herne"));

    @Test
    void a_request_without_role_or_city_scopes_gets_the_ceiling() {
        assertThat(admin.narrow(List.of("stadtportal"))).contains(new MachineCeiling.Claims(List.of("admin"), List.of("*")));
    }

    @Test
    void an_admin_client_may_ask_for_an_editor_token_of_any_city() {
        assertThat(admin.narrow(List.of("editor", "city:bochum", "city:neustadt")))
                .contains(new MachineCeiling.Claims(List.of("editor"), List.of("bochum", "neustadt")));
    }

    @Test
    void an_editor_client_narrows_to_one_of_its_cities() {
        assertThat(bochumEditor.narrow(List.of("editor", "city:herne")))
                .contains(new MachineCeiling.Claims(List.of("editor"), List.of("herne")));
    }

    @Test
    void an_editor_client_never_gets_the_admin_role() {
        assertThat(bochumEditor.narrow(List.of("admin"))).isEmpty();
    }

    @Test
    void an_editor_client_gets_no_city_beyond_its_own_nor_every_city() {
        assertThat(bochumEditor.narrow(List.of("editor", "city:dortmund"))).isEmpty();
        assertThat(bochumEditor.narrow(List.of("city:*"))).isEmpty();
        assertThat(bochumEditor.narrow(List.of("city:"))).isEmpty();
    }

    @Test
    void only_roles_and_cities_are_read_as_claims() {
        assertThat(MachineCeiling.names("city:bochum")).isTrue();
        assertThat(MachineCeiling.names("editor")).isTrue();
        assertThat(MachineCeiling.names("openid")).isFalse();
    }
}
