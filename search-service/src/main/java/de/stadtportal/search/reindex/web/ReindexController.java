package de.stadtportal.search.reindex.web;

import de.stadtportal.search.reindex.application.ReindexService;
import de.stadtportal.web.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Reindex", description = "Rebuilding the search index from the owning services; for admins")
class ReindexController {

    private final ReindexService reindex;

    ReindexController(ReindexService reindex) {
        this.reindex = reindex;
    }

    @Operation(summary = "Start rebuilding the search index; for admins", description = "Takes no body.")
    @ApiResponse(responseCode = "202", description = "The rebuild started; GET shows its progress")
    @ApiResponse(responseCode = "409", description = "A reindex is running already")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ReindexView> start() {
        return Callers.current().flatMap(reindex::start).map(ReindexView::of);
    }

    @Operation(summary = "The progress of the last rebuild; for admins", security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "200", description = "The state of the last (or running) rebuild")
    @GetMapping
    Mono<ReindexView> status() {
        return Callers.current().flatMap(reindex::status).map(ReindexView::of);
    }
}
