package de.stadtportal.kernel.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.stadtportal.kernel.Caller;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void every_field_at_fault_is_named_in_one_refusal() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> new Violations()
                .text(" ", "name", 10)
                .slug("Bochum Mitte", "city")
                .optionalUrl("ftp://example.org", "website")
                .labels(List.of("ok", ""), "tags")
                .throwIfAny());
        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactly("name", "city", "website", "tags[1]");
        assertThat(refused.detail()).isEqualTo("The request has 4 invalid field(s)");
    }

    @Test
    void input_without_fault_passes() {
        assertThatCode(() -> new Violations().text("Zeche", "name", 10).slug("bochum", "city")
                .optionalUrl(null, "website").throwIfAny()).doesNotThrowAnyException();
    }

    @Test
    void an_editor_of_dortmund_may_not_change_bochum_and_an_anonymous_caller_must_sign_in() {
        Caller dortmund = new Caller("anna", Set.of("editor"), Set.of("dortmund"));
        assertThat(dortmund.requireEditorOf("dortmund")).isSameAs(dortmund);
        assertThat(catchThrowableOfType(NotPermitted.class, () -> dortmund.requireEditorOf("bochum")).detail())
                .contains("bochum");
        assertThat(catchThrowableOfType(SignInRequired.class,
                () -> Caller.ANONYMOUS.requireSignedIn("Drafts are shown to editors only")).detail())
                .isEqualTo("Drafts are shown to editors only");
        assertThat(new Caller("root", Set.of("admin"), Set.of()).isEditorOf("herne")).isTrue();
    }

    @Test
    void a_refusal_of_one_item_keeps_its_kind_and_names_its_fields_under_the_item() {
        Refusal invalid = new InvalidInput("The request has 1 invalid field(s)", new Violation("title", "must not be blank"))
                .within("events[2]");
        Refusal unknown = new UnknownReference("Unknown venue", new Violation("venueId", "is not a venue"))
                .within("events[0]");
        Refusal forbidden = new NotPermitted("Not an editor of bochum").within("events[1]");

        assertThat(invalid).isInstanceOf(InvalidInput.class);
        assertThat(invalid.violations()).containsExactly(new Violation("events[2].title", "must not be blank"));
        assertThat(invalid.detail()).isEqualTo("events[2]: The request has 1 invalid field(s)");
        assertThat(unknown).isInstanceOf(UnknownReference.class);
        assertThat(unknown.violations()).containsExactly(new Violation("events[0].venueId", "is not a venue"));
        assertThat(forbidden).isInstanceOf(NotPermitted.class);
        assertThat(forbidden.detail()).isEqualTo("events[1]: Not an editor of bochum");
    }
}
