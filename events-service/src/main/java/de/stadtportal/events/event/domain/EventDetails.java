package de.stadtportal.events.event.domain;

import de.stadtportal.kernel.PortalTime;
import de.stadtportal.kernel.refusal.LimitExceeded;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.kernel.refusal.Violations;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an editor says about an event. Whether the category exists is configuration, so the caller
 * hands the known categories to {@link #validate}; whether the city and the venue exist is asked of
 * the database by the application layer. Times are kept as Europe/Berlin times, whatever offset
 * they arrived with, because that is how the platform presents them.
 */
public record EventDetails(
        String city,
        UUID venueId,
        String title,
        String description,
        String category,
        OffsetDateTime start,
        OffsetDateTime end,
        boolean allDay,
        Recurrence recurrence,
        Price price,
        String ticketUrl,
        String language,
        List<String> accessibility,
        List<String> tags,
        Image image) {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    public EventDetails {
        start = Event.local(start);
        end = Event.local(end);
        description = description == null ? "" : description;
        language = language == null ? "de" : language;
        price = price == null ? new Price(false, null, null, null) : withDefaultCurrency(price);
        accessibility = accessibility == null ? List.of() : List.copyOf(accessibility);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public EventDetails validate(Set<String> categories) {
        Violations violations = new Violations()
                .slug(city, "city")
                .require(venueId != null, "venueId", "is required")
                .text(title, "title", 200)
                .require(description.length() <= 20_000, "description", "must be at most 20000 characters")
                .require(category != null && categories.contains(category), "category",
                        "must be one of " + String.join(", ", categories))
                .require(start != null, "start", "is required")
                .require(end == null || start == null || end.isAfter(start), "end", "must be after start")
                .optionalUrl(ticketUrl, "ticketUrl")
                .require(LANGUAGE.matcher(language).matches(), "language", "must be a two-letter code like 'de'")
                .labels(accessibility, "accessibility")
                .labels(tags, "tags");
        if (recurrence != null) {
            recurrence.problem().ifPresent(problem -> violations.add("recurrence.rrule", problem));
            for (int i = 0; i < recurrence.exdates().size(); i++) {
                violations.require(recurrence.exdates().get(i) != null, "recurrence.exdates[" + i + "]",
                        "must be a date-time");
            }
        }
        checkPrice(violations);
        if (image != null) {
            violations.optionalUrl(image.url(), "image.url");
        }
        violations.throwIfAny();
        return withinLimits();
    }

    /**
     * Refuses a recurrence that asks for more than the service expands ({@link Recurrence#limitProblem},
     * too many exception dates); checked after {@link #validate}'s checks, as it needs a readable rule and start.
     */
    public EventDetails withinLimits() {
        if (recurrence == null || start == null) {
            return this;
        }
        List<Violation> over = new ArrayList<>();
        recurrence.limitProblem(start.atZoneSameInstant(PortalTime.ZONE))
                .ifPresent(problem -> over.add(new Violation("recurrence.rrule", problem)));
        if (recurrence.exdates().size() > Recurrence.MAX_EXDATES) {
            over.add(new Violation("recurrence.exdates", "must list at most " + Recurrence.MAX_EXDATES + " dates"));
        }
        if (!over.isEmpty()) {
            throw new LimitExceeded("The request asks for more than the service does", over);
        }
        return this;
    }

    private void checkPrice(Violations violations) {
        boolean negative = isNegative(price.min()) || isNegative(price.max());
        violations.require(!isNegative(price.min()), "price.min", "must not be negative")
                .require(!isNegative(price.max()), "price.max", "must not be negative");
        if (!negative && price.min() != null && price.max() != null) {
            violations.require(price.min().compareTo(price.max()) <= 0, "price.max", "must not be below price.min");
        }
        if (price.free()) {
            violations.require(isZeroOrAbsent(price.min()) && isZeroOrAbsent(price.max()), "price.free",
                    "a free event has no price above zero");
        }
        if (price.currency() != null) {
            violations.require(CURRENCY.matcher(price.currency()).matches(), "price.currency",
                    "must be an ISO 4217 code like 'EUR'");
        }
    }

    private static Price withDefaultCurrency(Price price) {
        boolean priced = price.min() != null || price.max() != null;
        return priced && price.currency() == null ? new Price(price.free(), price.min(), price.max(), "EUR") : price;
    }

    private static boolean isNegative(BigDecimal amount) {
        return amount != null && amount.signum() < 0;
    }

    private static boolean isZeroOrAbsent(BigDecimal amount) {
        return amount == null || amount.signum() == 0;
    }

    public boolean recurring() {
        return recurrence != null;
    }
}
