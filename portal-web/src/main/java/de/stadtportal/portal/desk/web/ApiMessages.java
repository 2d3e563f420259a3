package de.stadtportal.portal.desk.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API explains a refused field in English ({@code "must not be blank"}); the desk says it in the
 * editor's language. Known phrasings are translated, with their numbers and names kept; an unknown
 * one is shown as the API said it, which is better than hiding why a field was refused.
 */
final class ApiMessages {

    private static final Map<Pattern, String> GERMAN = new LinkedHashMap<>();

    static {
        GERMAN.put(Pattern.compile("must not be (blank|empty|null)"), "darf nicht leer sein");
        GERMAN.put(Pattern.compile("size must be between 0 and (\\d+)"), "darf höchstens $1 Zeichen lang sein");
        GERMAN.put(Pattern.compile("size must be between (\\d+) and (\\d+)"), "muss $1 bis $2 Zeichen lang sein");
        GERMAN.put(Pattern.compile("must be lower-case letters, digits and single hyphens"),
                "nur Kleinbuchstaben, Ziffern und einzelne Bindestriche");
        GERMAN.put(Pattern.compile("must be one of \\[(.*)]"), "muss eines davon sein: $1");
        GERMAN.put(Pattern.compile("'(.*)' is taken"), "„$1“ ist schon vergeben");
        GERMAN.put(Pattern.compile("must be '(.*)' or left out"), "muss „$1“ sein oder leer bleiben");
        GERMAN.put(Pattern.compile("is required"), "muss angegeben werden");
        GERMAN.put(Pattern.compile("must be a future date"), "muss in der Zukunft liegen");
        GERMAN.put(Pattern.compile("must be a date and time"), "muss ein Datum mit Uhrzeit sein");
        GERMAN.put(Pattern.compile("is not a known (.*)"), "ist unbekannt");
        // highlights and media
        GERMAN.put(Pattern.compile("must lie after validFrom"), "muss nach dem Beginn der Sichtbarkeit liegen");
        GERMAN.put(Pattern.compile("must be an article slug"), "muss der Slug eines Artikels sein");
        GERMAN.put(Pattern.compile("must be a UUID"), "muss eine Kennung (UUID) sein");
        GERMAN.put(Pattern.compile("must be an absolute http\\(s\\) URL"), "muss eine vollständige http(s)-Adresse sein");
        GERMAN.put(Pattern.compile("must be an http\\(s\\) URL"), "muss eine http(s)-Adresse sein");
        GERMAN.put(Pattern.compile("must not be blank; teasers are images"),
                "darf nicht leer sein: Highlights zeigen ein Bild, das beschrieben sein muss");
        GERMAN.put(Pattern.compile("must name a mediaId or a url"), "ein Bild aus der Bibliothek oder eine URL angeben");
        GERMAN.put(Pattern.compile("no media item (.*)"), "kein Bild der Bibliothek");
        GERMAN.put(Pattern.compile("must not be blank; it is what people who cannot see the image read"),
                "darf nicht leer sein: ihn lesen Menschen, die das Bild nicht sehen");
        GERMAN.put(Pattern.compile("must be a JPEG, PNG or WebP image"), "muss ein JPEG-, PNG- oder WebP-Bild sein");
        GERMAN.put(Pattern.compile("content type must match the image"), "Dateityp und Inhalt passen nicht zusammen");
        GERMAN.put(Pattern.compile("must be a whole image"), "ist beschädigt oder unvollständig");
        GERMAN.put(Pattern.compile("too many pixels"), "hat zu viele Bildpunkte");
        GERMAN.put(Pattern.compile("must be at most (\\d+) bytes"), "darf höchstens $1 Bytes groß sein");
        GERMAN.put(Pattern.compile("must be at most (\\d+) characters"), "darf höchstens $1 Zeichen lang sein");
        GERMAN.put(Pattern.compile("must be after start"), "muss nach dem Beginn liegen");
        GERMAN.put(Pattern.compile("must be an absolute http or https URL"), "muss eine vollständige http(s)-Adresse sein");
        GERMAN.put(Pattern.compile("must be one of ([^\\[].*)"), "muss eines davon sein: $1");
        GERMAN.put(Pattern.compile("is not a valid RFC 5545 RRULE.*"), "ist keine gültige Wiederholungsregel");
        GERMAN.put(Pattern.compile("may produce up to (\\d+) starts.*"), "ergibt bis zu $1 Termine, zu viele");
        GERMAN.put(Pattern.compile("COUNT must be at most (\\d+)"), "höchstens $1 Termine");
        GERMAN.put(Pattern.compile("must be a two-letter code like '(.*)'"),
                "muss ein Sprachkürzel aus zwei Kleinbuchstaben sein, z. B. „$1“");
        GERMAN.put(Pattern.compile("must be before to"), "muss vor dem Ende des Zeitraums liegen");
        GERMAN.put(Pattern.compile("must be at most (\\d+) days after from"),
                "darf höchstens $1 Tage nach dem ersten Tag liegen");
        // a calendar imported (POST /api/events/import)
        GERMAN.put(Pattern.compile("is required: every VEVENT has a UID \\(RFC 5545\\)"),
                "fehlt: jeder Termin einer iCalendar-Datei hat eine UID");
        GERMAN.put(Pattern.compile("appears twice in the calendar: .*"),
                "steht zweimal in der Datei: geänderte Einzeltermine einer Serie lassen sich nicht importieren");
        GERMAN.put(Pattern.compile("a changed occurrence of a series \\(RECURRENCE-ID\\) cannot be imported"),
                "ein geänderter Einzeltermin einer Serie lässt sich nicht importieren");
        GERMAN.put(Pattern.compile("extra dates of a series \\(RDATE\\) cannot be imported.*"),
                "zusätzliche Termine einer Serie (RDATE) lassen sich nicht importieren");
        GERMAN.put(Pattern.compile("is CANCELLED: .*"),
                "ist abgesagt (CANCELLED): bitte aus der Datei entfernen, dann lassen sich die übrigen importieren");
        GERMAN.put(Pattern.compile("DTSTART is required.*"), "fehlt (DTSTART)");
        GERMAN.put(Pattern.compile("cannot be read: Unknown time-zone ID: (.*)"), "nennt eine unbekannte Zeitzone: $1");
        GERMAN.put(Pattern.compile("cannot be read at line (\\d+)"), "ist ab Zeile $1 keine iCalendar-Datei");
        GERMAN.put(Pattern.compile("cannot be read as a VCALENDAR"), "ist keine iCalendar-Datei");
        GERMAN.put(Pattern.compile("must hold at least one VEVENT"), "enthält keinen Termin");
        // an event's price
        GERMAN.put(Pattern.compile("must not be negative"), "darf nicht negativ sein");
        GERMAN.put(Pattern.compile("must not be below price.min"), "darf nicht unter dem Preis „ab“ liegen");
        GERMAN.put(Pattern.compile("a free event has no price above zero"),
                "bei freiem Eintritt gibt es keinen Preis über null");
    }

    private ApiMessages() {
    }

    /** The API's {@code message} in {@code locale}: German unless the editor reads English. */
    static String say(String message, Locale locale) {
        if (message == null || "en".equals(locale.getLanguage())) {
            return message;
        }
        for (Map.Entry<Pattern, String> known : GERMAN.entrySet()) {
            Matcher matcher = known.getKey().matcher(message);
            if (matcher.matches()) {
                return matcher.replaceAll(known.getValue());
            }
        }
        return message;
    }
}
