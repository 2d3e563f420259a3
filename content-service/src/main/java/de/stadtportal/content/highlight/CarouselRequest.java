package de.stadtportal.content.highlight;

import de.stadtportal.content.ImageBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code PUT /api/cities/{city}/highlights}: the whole carousel, in order. */
record CarouselRequest(@NotNull @Size(max = 20) List<@NotNull @Valid Item> items) {

    record Item(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Valid LinkBody link,
            @NotNull @Valid ImageBody image,
            OffsetDateTime validFrom,
            OffsetDateTime validUntil) {
    }

    record LinkBody(
            @NotNull @Pattern(regexp = "article|event|venue|url", message = "must be article, event, venue or url")
            String kind,
            @NotBlank @Size(max = 2000) String target) {
    }
}
