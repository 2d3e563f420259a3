package de.stadtportal.search.indexing.application;

import de.stadtportal.search.document.domain.DocumentType;
import de.stadtportal.search.indexing.persistence.DocumentRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code stadtportal.search.documents} gauge, one per type. Counting a large index on every
 * scrape would cost more than the figure is worth, so the counts are refreshed on a schedule.
 */
@Component
class DocumentCountingJob {

    private final DocumentRepository documents;
    private final Map<DocumentType, AtomicLong> counts = new EnumMap<>(DocumentType.class);

    DocumentCountingJob(DocumentRepository documents, MeterRegistry meters) {
        this.documents = documents;
        for (DocumentType type : DocumentType.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(type, count);
            Gauge.builder("stadtportal.search.documents", count, AtomicLong::get)
                    .description("Searchable documents in the active generation")
                    .tag("type", type.wire())
                    .register(meters);
        }
    }

    @Scheduled(initialDelayString = "${stadtportal.search.count-interval-ms:15000}",
            fixedDelayString = "${stadtportal.search.count-interval-ms:15000}")
    Mono<Void> refresh() {
        return documents.countByType()
                .doOnNext(byType -> counts.forEach((type, count) -> count.set(byType.getOrDefault(type.wire(), 0L))))
                .onErrorResume(error -> Mono.empty())
                .then();
    }
}
