package de.stadtportal.content.media;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Uploads as the media tests send them: a multipart form with the file and its description. */
public final class MediaUploads {

    private final WebTestClient web;

    public MediaUploads(WebTestClient web) {
        this.web = web;
    }

    public WebTestClient.ResponseSpec upload(String city, String token, byte[] file, String fileName,
            String contentType, String alt) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.parseMediaType(contentType));
        if (alt != null) {
            form.part("alt", alt);
        }
        form.part("altEn", "A picture made for a test");
        form.part("credit", "Foto: Testlabor");
        form.part("licence", "CC BY 4.0");
        form.part("focalPoint", "0.5,0.3");
        return web.post().uri("/api/cities/" + city + "/media").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    public WebTestClient.ResponseSpec upload(String token, byte[] jpeg) {
        return upload("bochum", token, jpeg, "bild.jpg", "image/jpeg", "Ein Bild aus dem Test");
    }
}
