package de.stadtportal.portal.desk.web;

import de.stadtportal.portal.desk.api.DeskMedia;
import de.stadtportal.portal.desk.api.MediaDescription;
import de.stadtportal.portal.desk.api.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;

/**
 * The description of an image as an editor writes it, in the upload form (beside the file) and in
 * the form that describes an item anew: the alt text in German (required, it is what people who
 * cannot see the image read) and English, caption, credit, licence, and the focal point as
 * {@code x,y}, kept as it was.
 */
record MediaForm(String alt, String altEn, String caption, String credit, String licence, String focalPoint,
        String etag) {

    /** The fields the forms show a refusal under ({@code file} in the upload form only). */
    static final List<String> FIELDS = List.of("file", "alt", "altEn", "caption", "credit", "licence", "focalPoint");
    static final String ALT_REQUIRED = "must not be blank; it is what people who cannot see the image read";

    static MediaForm empty() {
        return new MediaForm("", "", "", "", "", "", "");
    }

    static MediaForm of(DeskMedia item, String etag) {
        return new MediaForm(item.alt(), item.altEn(), item.caption(), item.credit(), item.licence(),
                item.focalPoint() == null ? "" : item.focalPoint().toString(), etag);
    }

    /** The text parts of an upload form. */
    static MediaForm of(MultiValueMap<String, Part> parts) {
        return new MediaForm(text(parts, "alt"), text(parts, "altEn"), text(parts, "caption"), text(parts, "credit"),
                text(parts, "licence"), text(parts, "focalPoint"), "");
    }

    /**
     * What the editor typed for an upload laid over the description {@code library} has (with its
     * ETag): a field left empty keeps the library's text, a typed one replaces it.
     */
    MediaForm over(MediaForm library) {
        return new MediaForm(or(alt, library.alt), or(altEn, library.altEn), or(caption, library.caption),
                or(credit, library.credit), or(licence, library.licence), or(focalPoint, library.focalPoint),
                library.etag);
    }

    /** The fields whose text here differs from {@code library}'s, with the library's text (empty when it has none). */
    Map<String, String> differences(MediaForm library) {
        Map<String, String> differ = new LinkedHashMap<>();
        Map<String, String> ours = parts();
        library.parts().forEach((field, theirs) -> {
            if (!text(ours.get(field)).strip().equals(text(theirs).strip())) {
                differ.put(field, text(theirs));
            }
        });
        return differ;
    }

    MediaForm withEtag(String newer) {
        return new MediaForm(alt, altEn, caption, credit, licence, focalPoint, newer);
    }

    /** What the desk refuses before sending anything: an image without its alt text. */
    List<Refusal.FieldProblem> problems() {
        return blank(alt) ? List.of(new Refusal.FieldProblem("alt", ALT_REQUIRED)) : List.of();
    }

    /** The text parts of the upload, by the API's names (blank ones left out by the client). */
    Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("alt", alt);
        parts.put("altEn", altEn);
        parts.put("caption", caption);
        parts.put("credit", credit);
        parts.put("licence", licence);
        parts.put("focalPoint", focalPoint);
        return parts;
    }

    MediaDescription description() {
        return new MediaDescription(alt, empty(altEn), empty(caption), empty(credit), empty(licence), empty(focalPoint));
    }

    private static String text(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        return part instanceof FormFieldPart field ? field.value() : "";
    }

    private static String or(String typed, String kept) {
        return blank(typed) ? text(kept) : typed;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String empty(String value) {
        return blank(value) ? null : value.strip();
    }
}
