package de.stadtportal.identity.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.Violation;
import java.util.HashSet;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {

    static final PasswordHasher HASHER = password -> "{test}" + password.length();

    final Account editor = Account.create("redaktion-bochum", "bochum-passwort-1", Set.of("editor"),
            Set.of("bochum"), HASHER).account();

    @Test
    void a_new_account_is_enabled_holds_only_a_hash_and_is_announced_as_created() {
        Account.Change created = Account.create("redaktion-herne", "herne-passwort-12", Set.of("editor"),
                Set.of("herne"), HASHER);

        assertThat(created.account().enabled()).isTrue();
        assertThat(created.account().passwordHash()).isEqualTo("{test}17");
        assertThat(created.events()).containsExactly(new AccountCreated("redaktion-herne", Set.of("editor"),
                Set.of("herne")));
    }

    @Test
    void a_bad_name_short_password_unknown_role_and_odd_city_are_refused_together() {
        assertThatThrownBy(() -> Account.create("X", "short", Set.of("superuser"), Set.of("Not A Slug"), HASHER))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> assertThat(refusal.violations())
                        .extracting(Violation::field).containsExactly("username", "password", "roles", "cities"));
    }

    @Test
    void a_list_of_cities_with_a_hole_is_refused_not_failed_on() {
        assertThatThrownBy(() -> editor.change(null, null, new HashSet<>(Arrays.asList("bochum", null)), null, HASHER))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void a_change_tells_what_changed_and_nothing_else() {
        Account.Change change = editor.change(null, Set.of("editor"), Set.of("bochum", "herne"), false, HASHER);

        assertThat(change.events()).containsExactly(
                new CitiesChanged("redaktion-bochum", Set.of("bochum"), Set.of("bochum", "herne")),
                new AccountDisabled("redaktion-bochum"));
        assertThat(change.account().enabled()).isFalse();
        assertThat(change.account().cities()).containsExactlyInAnyOrder("bochum", "herne");
    }
}
