package de.stadtportal.content.media.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.stadtportal.kernel.refusal.InvalidInput;
import de.stadtportal.kernel.refusal.NotFound;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RenditionsTest {

    @Test
    void an_image_is_offered_in_the_standard_widths_up_to_its_own_and_never_upscaled() {
        assertThat(Renditions.offered(4000)).containsExactly(320, 640, 1024, 1600);
        assertThat(Renditions.offered(1200)).containsExactly(320, 640, 1024);
        assertThat(Renditions.offered(1024)).containsExactly(320, 640, 1024);
        assertThatThrownBy(() -> Renditions.requireOffered(1600, 1200)).isInstanceOf(NotFound.class);
    }

    @Test
    void an_image_narrower_than_the_smallest_width_is_offered_once_in_its_own_width() {
        assertThat(Renditions.offered(200)).containsExactly(320);
        assertThat(Renditions.pixelWidth(320, 200)).isEqualTo(200);
        assertThat(Renditions.pixelHeight(200, 200, 100)).isEqualTo(100);
    }

    @Test
    void the_height_keeps_the_aspect_ratio() {
        assertThat(Renditions.pixelHeight(640, 2400, 1600)).isEqualTo(427);
        assertThat(Renditions.pixelHeight(320, 10_000, 10)).isEqualTo(1);
    }

    @Test
    void a_description_needs_a_german_alt_text_and_a_focal_point_within_the_image() {
        assertThatThrownBy(() -> new Description("  ", null, null, null, null, null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> FocalPoint.parse("1.2,0.5")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> FocalPoint.parse("links oben")).isInstanceOf(InvalidInput.class);
        assertThat(FocalPoint.parse("0.25, 0.75")).isEqualTo(new FocalPoint(0.25, 0.75));
        assertThat(new Description("Rathaus", " ", null, null, null, null).altEn()).isNull();
    }

    @Test
    void describing_raises_the_version_and_the_same_description_changes_nothing() {
        Description text = new Description("Rathaus", "Town hall", null, "Foto: Stadt", "CC BY 4.0", null);
        Media media = Media.upload(UUID.randomUUID(), "bochum", "ab".repeat(32), MediaFormat.JPEG, 2000, 1000, 1234,
                text, Instant.EPOCH).media();

        assertThat(media.describe(text, Instant.EPOCH).changed()).isFalse();
        MediaChange change = media.describe(new Description("Rathaus am Abend", null, null, null, null, null),
                Instant.EPOCH);
        assertThat(change.media().version()).isEqualTo(2);
        assertThat(change.events()).singleElement().isInstanceOf(MediaEvent.Described.class);
        assertThat(media.remove(Instant.EPOCH).events()).singleElement().isInstanceOf(MediaEvent.Removed.class);
    }
}
