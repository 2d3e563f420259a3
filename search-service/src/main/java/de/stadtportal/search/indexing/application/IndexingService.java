package de.stadtportal.search.indexing.application;

import de.stadtportal.search.document.domain.IndexChange;
import de.stadtportal.search.indexing.persistence.DocumentRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Puts index changes into the index. A change from the live topics goes into every generation
 * that is active or being built, so that a reindex which started before the change was published
 * still ends up with it; a reindex replays into its own generation only. Each write is guarded by
 * the aggregate's version, which makes the order of the two writers irrelevant.
 */
@Service
public class IndexingService {

    private final DocumentRepository documents;

    IndexingService(DocumentRepository documents) {
        this.documents = documents;
    }

    /** A change from the live topics; true when it was newer than what the index held. */
    public Mono<Boolean> index(IndexChange change) {
        return documents.apply(change, DocumentRepository.LIVE);
    }

    /**
     * Changes from the live topics, in one transaction; of several versions of one document the newest
     * is written. Answers those that were newer than what the index held.
     */
    public Mono<List<IndexChange>> indexAll(List<IndexChange> changes) {
        return changes.isEmpty() ? Mono.just(List.of()) : documents.applyAll(changes, DocumentRepository.LIVE);
    }

    /** Replayed changes, into the generation a reindex is building, in one transaction. */
    public Mono<List<IndexChange>> indexAllInto(long generation, List<IndexChange> changes) {
        return changes.isEmpty() ? Mono.just(List.of()) : documents.applyAll(changes, generation);
    }
}
