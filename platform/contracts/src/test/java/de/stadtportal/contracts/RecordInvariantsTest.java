package de.stadtportal.contracts;

import de.stadtportal.kernel.Geo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordInvariantsTest {

    @Test
    void coordinates_outside_the_globe_are_refused() {
        assertThatThrownBy(() -> new Geo(123, 7.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geo(51.4, 181)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Geo(Double.NaN, 7.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versions_start_at_one() {
        assertThatThrownBy(() -> new CityRemoved("bochum", 0, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void required_references_may_not_be_null() {
        assertThatThrownBy(() -> new CityRemoved(null, 1, Instant.now())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new VenueChanged("v", 1, Instant.now(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void lists_are_copied_and_immutable() {
        List<String> tags = new ArrayList<>(List.of("klassik"));
        VenueSnapshot venue = new VenueSnapshot("v", "bochum", "Musikforum", null, null, tags, null);
        tags.add("jazz");

        assertThat(venue.accessibility()).containsExactly("klassik");
        assertThatThrownBy(() -> venue.accessibility().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
