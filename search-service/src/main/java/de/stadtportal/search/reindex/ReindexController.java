package de.stadtportal.search.reindex;

import de.stadtportal.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/search/reindex} starts a rebuild, {@code GET} shows its progress; both for admins. */
@RestController
@RequestMapping("/api/search/reindex")
class ReindexController {

    private final Reindexer reindexer;

    ReindexController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ReindexStatus> start() {
        return Caller.current().flatMap(Caller::requireAdmin).flatMap(admin -> reindexer.start());
    }

    @GetMapping
    Mono<ReindexStatus> status() {
        return Caller.current().flatMap(Caller::requireAdmin).map(admin -> reindexer.status());
    }
}
