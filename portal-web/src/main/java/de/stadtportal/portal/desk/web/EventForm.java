package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskEvent;
import de.stadtportal.portal.desk.api.DeskMedia;
import de.stadtportal.portal.desk.api.EventWrite;
import de.stadtportal.portal.desk.api.Refusal;
import de.stadtportal.portal.desk.domain.Problem;
import de.stadtportal.portal.desk.domain.WeeklyRecurrence;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The event form as the browser posts it: times as {@code datetime-local} (city time), prices with a
 * decimal point or comma, tags and accessibility labels separated by commas, the language as a
 * two-letter code, "all day" as a checkbox, an image from the city's library
 * ({@code imageMediaId}) or by URL, and the recurrence as answers ("weekly on {@code tage}, every
 * {@code wochen} weeks, until {@code bis} or {@code anzahl} times, except {@code ausser}"), which
 * {@link WeeklyRecurrence} turns into a rule. Editing, it carries the ETag the editor started from; a
 * rule the form cannot say (monthly, say) travels unchanged in {@code regel}.
 */
record EventForm(String title, String description, String category, String venueId, String start, String end,
        String free, String priceMin, String priceMax, String ticketUrl, String tags, String language,
        String accessibility, String allDay, String imageMediaId, String imageUrl, String imageAlt, String wiederholen,
        List<String> tage, String wochen, String bis, String anzahl, String ausser, String regel, String etag) {

    static final List<String> FIELDS = List.of("title", "description", "category", "venueId", "start", "end", "free",
            "priceMin", "priceMax", "ticketUrl", "tags", "language", "accessibility", "allDay", "imageMediaId", "imageUrl",
            "imageAlt", "tage", "wochen", "ende", "bis", "anzahl", "ausser", "regel");
    /** The API's names of the recurrence's, the price's and the image's fields, as the form names them. */
    static final Map<String, String> FORM_NAMES = Map.ofEntries(Map.entry("recurrence.rrule", "regel"),
            Map.entry("recurrence.exdates", "ausser"), Map.entry("recurrence", "regel"),
            Map.entry("price.free", "free"), Map.entry("price.min", "priceMin"), Map.entry("price.max", "priceMax"),
            Map.entry("price.currency", "priceMin"), Map.entry("price", "priceMin"), Map.entry("image.url", "imageUrl"),
            Map.entry("image.alt", "imageAlt"), Map.entry("image", "imageUrl"));
    /** A picture of the city's library, as its renditions are addressed. */
    private static final Pattern LIBRARY_IMAGE = Pattern.compile("/api/media/([0-9a-f-]{36})/");

    static EventForm empty() {
        return new EventForm("", "", "", "", "", "", null, "", "", "", "", "de", "", null, "", "", "", null, List.of(),
                "1", "", "", "", "", "");
    }

    /** The form as the event was saved, to edit it. */
    static EventForm of(DeskEvent event, String etag) {
        LocalDateTime first = local(event.start());
        String end = event.end() == null ? "" : local(event.end()).toString();
        EventForm kept = new EventForm(event.title(), text(event.description()), event.category(), event.venueId(),
                first.toString(), end, null, "", "", text(event.ticketUrl()), String.join(", ", event.tags()),
                text(event.language()), String.join(", ", event.accessibility()),
                Boolean.TRUE.equals(event.allDay()) ? "1" : null, "", "", "", null, List.of(), "1", "", "", "", "",
                etag).offering(event.price()).showing(event.image());
        if (!event.recurring()) {
            return kept;
        }
        Optional<WeeklyRecurrence> weekly = WeeklyRecurrence.read(event.recurrence().rrule(),
                event.recurrence().exdates(), first);
        List<LocalDate> except = weekly.map(WeeklyRecurrence::except).orElseGet(() -> event.recurrence().exdates()
                .stream().map(day -> local(day).toLocalDate()).toList());
        String exceptText = except.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
        return weekly.map(form -> kept.repeating(form.days().stream().map(DayOfWeek::name).toList(),
                String.valueOf(form.everyWeeks()), form.until() == null ? "" : form.until().toString(),
                form.times() == null ? "" : form.times().toString(), exceptText, ""))
                .orElseGet(() -> kept.repeating(List.of(), "1", "", "", exceptText, event.recurrence().rrule()));
    }

    private EventForm offering(DeskEvent.Price price) {
        if (price == null) {
            return this;
        }
        return new EventForm(title, description, category, venueId, start, end, price.free() ? "1" : null,
                amount(price.min()), amount(price.max()), ticketUrl, tags, language, accessibility, allDay,
                imageMediaId, imageUrl, imageAlt, wiederholen, tage, wochen, bis, anzahl, ausser, regel, etag);
    }

    /** The stored image: a rendition of the library is named by its item, any other by its URL and alt text. */
    private EventForm showing(DeskEvent.Image image) {
        if (image == null || image.url() == null) {
            return this;
        }
        Matcher library = LIBRARY_IMAGE.matcher(image.url());
        return library.find()
                ? new EventForm(title, description, category, venueId, start, end, free, priceMin, priceMax, ticketUrl,
                        tags, language, accessibility, allDay, library.group(1), "", "", wiederholen, tage, wochen,
                        bis, anzahl, ausser, regel, etag)
                : new EventForm(title, description, category, venueId, start, end, free, priceMin, priceMax, ticketUrl,
                        tags, language, accessibility, allDay, "", image.url(), text(image.alt()), wiederholen, tage,
                        wochen, bis, anzahl, ausser, regel, etag);
    }

    private EventForm repeating(List<String> days, String weeks, String until, String times, String except,
            String rule) {
        return new EventForm(title, description, category, venueId, start, end, free, priceMin, priceMax, ticketUrl,
                tags, language, accessibility, allDay, imageMediaId, imageUrl, imageAlt, "1", days, weeks, until, times,
                except, rule, etag);
    }

    public boolean isFree() {
        return !blank(free);
    }

    public boolean isAllDay() {
        return !blank(allDay);
    }

    /** Whether the editor chose a picture of the library (then its URL and alt text come from there). */
    boolean picksFromLibrary() {
        return !blank(imageMediaId);
    }

    public boolean repeats() {
        return wiederholen != null && !wiederholen.isBlank();
    }

    public boolean on(String day) {
        return tage != null && tage.contains(day);
    }

    /** A rule from elsewhere that the form keeps as it is. */
    public boolean keepsRule() {
        return !blank(regel);
    }

    boolean editing() {
        return !blank(etag);
    }

    /** The same answers with the ETag of a newer state. */
    EventForm withEtag(String newer) {
        return new EventForm(title, description, category, venueId, start, end, free, priceMin, priceMax, ticketUrl,
                tags, language, accessibility, allDay, imageMediaId, imageUrl, imageAlt, wiederholen, tage, wochen, bis,
                anzahl, ausser, regel, newer);
    }

    /** What the desk itself must refuse, by form field; empty when the API may be asked. */
    Map<String, Problem> problems() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        LocalDateTime first = time(start, "start", problems);
        time(end, "end", problems);
        price(priceMin, "priceMin", problems);
        price(priceMax, "priceMax", problems);
        if (repeats()) {
            Recurrence recurrence = recurrence(problems);
            if (recurrence.weekly() != null) {
                problems.putAll(recurrence.weekly().problems(first == null ? null : first.toLocalDate()));
            }
        }
        return problems;
    }

    /**
     * The event for the API: the form's fields, with {@code picture} (the library item the editor
     * chose, or null) as its image, and the price's currency, which the form does not show, as
     * {@code current} has it.
     */
    EventWrite write(String city, DeskEvent current, DeskMedia picture) {
        LocalDateTime first = LocalDateTime.parse(start);
        EventWrite.Recurrence rule = null;
        if (repeats()) {
            Recurrence recurrence = recurrence(new LinkedHashMap<>());
            List<OffsetDateTime> exdates = recurrence.except().stream()
                    .map(day -> at(day.atTime(first.toLocalTime()))).toList();
            rule = new EventWrite.Recurrence(recurrence.weekly() != null ? recurrence.weekly().rrule() : regel.strip(),
                    exdates);
        }
        OffsetDateTime until = blank(end) ? null : at(LocalDateTime.parse(end));
        String currency = current == null || current.price() == null ? null : current.price().currency();
        BigDecimal min = price(priceMin, "priceMin", new LinkedHashMap<>());
        BigDecimal max = price(priceMax, "priceMax", new LinkedHashMap<>());
        DeskEvent.Price price = !isFree() && min == null && max == null ? null
                : new DeskEvent.Price(isFree(), min, max, min == null && max == null ? null : currency);
        List<String> labels = labels(tags);
        DeskEvent.Image image = picture != null ? picture.asEventImage()
                : blank(imageUrl) ? null : new DeskEvent.Image(imageUrl.strip(), empty(imageAlt));
        return new EventWrite(city, empty(venueId), title, empty(description), category, at(first), until,
                isAllDay(), rule, price, empty(ticketUrl), blank(language) ? null : language.strip(),
                labels(accessibility), labels, image);
    }

    /** Labels as people list them: separated by commas, spaces around and empty ones dropped. */
    private static List<String> labels(String listed) {
        return blank(listed) ? List.of() : Arrays.stream(listed.split(","))
                .map(String::strip).filter(label -> !label.isEmpty()).toList();
    }

    /** The API's refusal with its recurrence fields named as the form names them. */
    static Refusal forForm(Refusal refusal) {
        return DeskTexts.renamed(refusal, FORM_NAMES);
    }

    /** The recurrence answers read: the weekly rule, or null when the form keeps another, and the days left out. */
    private record Recurrence(WeeklyRecurrence weekly, List<LocalDate> except) {
    }

    private Recurrence recurrence(Map<String, Problem> problems) {
        List<LocalDate> except = new ArrayList<>();
        for (String day : blank(ausser) ? new String[0] : ausser.split("[,;\\s]+")) {
            if (!day.isBlank()) {
                except.add(day(day.strip(), "ausser", problems));
            }
        }
        if (keepsRule()) {
            return new Recurrence(null, except);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : tage == null ? List.<String>of() : tage) {
            try {
                days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException unknown) {
                problems.put("tage", Problem.of("desk.form.unknownDay"));
            }
        }
        Integer weeks = number(blank(wochen) ? "1" : wochen, "wochen", problems);
        LocalDate until = blank(bis) ? null : day(bis, "bis", problems);
        Integer times = blank(anzahl) ? null : number(anzahl, "anzahl", problems);
        return new Recurrence(problems.isEmpty() ? new WeeklyRecurrence(days, weeks, until, times, except) : null,
                except);
    }

    private static LocalDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(WeeklyRecurrence.CITY_TIME).toLocalDateTime();
    }

    private static OffsetDateTime at(LocalDateTime time) {
        return time.atZone(WeeklyRecurrence.CITY_TIME).toOffsetDateTime();
    }

    private static LocalDateTime time(String value, String field, Map<String, Problem> problems) {
        if (blank(value)) {
            if (field.equals("start")) {
                problems.put(field, Problem.of("desk.form.required"));
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException unreadable) {
            problems.put(field, Problem.of("desk.form.dateTime"));
            return null;
        }
    }

    private static LocalDate day(String value, String field, Map<String, Problem> problems) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException unreadable) {
            problems.put(field, Problem.of("desk.form.date", value));
            return null;
        }
    }

    /** A price as people write it: {@code 12}, {@code 12,50} or {@code 12.50}; null when left empty. */
    private static BigDecimal price(String value, String field, Map<String, Problem> problems) {
        if (blank(value)) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException unreadable) {
            problems.put(field, Problem.of("desk.form.amount"));
            return null;
        }
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static Integer number(String value, String field, Map<String, Problem> problems) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException unreadable) {
            problems.put(field, Problem.of("desk.form.number"));
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String empty(String value) {
        return blank(value) ? null : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
