package de.stadtportal.web;

import de.stadtportal.kernel.version.EntityTags;
import de.stadtportal.web.http.ETags;
import de.stadtportal.web.paging.Cursor;
import de.stadtportal.web.paging.Limit;
import de.stadtportal.web.paging.Page;
import de.stadtportal.web.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A service in miniature that uses every shared web part the way the real services do. */
@SpringBootApplication
public class WebTestApplication {

    record Note(@NotBlank @Size(max = 20) String title, @PositiveOrZero Integer stars, List<String> tags,
            OffsetDateTime publishAt) {
    }

    @RestController
    static class Notes {

        static final String CURRENT = EntityTags.of("note", 3);
        static final AtomicInteger RECOUNTS = new AtomicInteger();

        @GetMapping("/api/cities/{city}/notes")
        Page<String> list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
            int size = Limit.parse(limit);
            String after = cursor == null ? "" : Cursor.decode(cursor, 1).get(0);
            return new Page<>(List.of("after:" + after, "size:" + size), Cursor.encode("n-" + size));
        }

        @GetMapping("/api/cities/{city}/notes/current")
        ResponseEntity<Map<String, String>> current(ServerHttpRequest request) {
            if (ETags.notModified(request, CURRENT)) {
                return ResponseEntity.status(304).eTag(CURRENT).build();
            }
            return ResponseEntity.ok().eTag(CURRENT).body(Map.of("title", "Aktuell"));
        }

        @PostMapping("/api/cities/{city}/notes")
        Mono<Map<String, Object>> create(@PathVariable String city, @Valid @RequestBody Note note) {
            return Callers.current()
                    .map(caller -> caller.requireEditorOf(city))
                    .map(caller -> Map.of("title", note.title(), "by", caller.subject()));
        }

        @PutMapping("/api/cities/{city}/notes/current")
        Mono<Map<String, String>> update(@PathVariable String city, ServerHttpRequest request, @RequestBody Note note) {
            return Callers.current()
                    .map(caller -> caller.requireEditorOf(city))
                    .map(caller -> {
                        ETags.ifMatch(request).require(CURRENT);
                        return Map.of("title", note.title());
                    });
        }

        /** An action that never reads its body, like the search reindex. */
        @PostMapping("/api/cities/{city}/notes/recount")
        Mono<ResponseEntity<Void>> recount(@PathVariable String city) {
            return Callers.current()
                    .map(caller -> caller.requireEditorOf(city))
                    .map(caller -> {
                        RECOUNTS.incrementAndGet();
                        return ResponseEntity.accepted().build();
                    });
        }

        /** An answer that takes a moment, as one that waits for its database does. */
        @GetMapping("/api/cities/{city}/notes/slow")
        Mono<Map<String, String>> slow() {
            return Mono.delay(Duration.ofMillis(100)).thenReturn(Map.of("title", "Langsam"));
        }

        @GetMapping("/api/broken")
        Mono<String> broken() {
            return Mono.error(new IllegalStateException("secret internal detail"));
        }
    }
}
