package de.stadtportal.events.event.application;

import de.stadtportal.events.event.application.ImportedEvents.Unchanged;
import de.stadtportal.events.event.domain.Event;
import de.stadtportal.events.event.persistence.ImportedEventRepository;
import de.stadtportal.kernel.Caller;
import de.stadtportal.kernel.refusal.RuleBroken;
import de.stadtportal.kernel.refusal.Violation;
import de.stadtportal.messaging.outbox.WholeWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Imports of a calendar's events (docs/event-batches.md): a batch of new events, all or none, that
 * remembers which event it made of which UID, so that importing the same calendar again makes
 * only the events that are new in it. The events are created as {@link EventService#createAll}
 * creates them, each announced on the outbox.
 */
@Service
public class EventImports {

    private final EventService events;
    private final ImportedEventRepository imported;
    private final TransactionalOperator transactions;
    private final Clock clock;

    EventImports(EventService events, ImportedEventRepository imported, TransactionalOperator transactions,
            Clock clock) {
        this.events = events;
        this.imported = imported;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Every entry is checked first, as a batch is, also those imported before; then, in one
     * transaction, the entries whose UID the city has not seen become events. Imports into one city
     * take turns (a transaction-scoped lock on the city), so the same calendar sent twice at once, a
     * double click or a retrying client, makes its events once and the second answer lists them as
     * unchanged. The primary key stays the last guard: a clash it finds all the same is refused (409),
     * and nothing of that import is written.
     */
    public Mono<ImportedEvents> importAll(ImportEvents command, Caller caller) {
        return Mono.fromCallable(() -> events.checked(command.creation(), caller, events.mostImported()))
                .flatMap(checked -> WholeWrites.transaction(transactions, imported.turn(command.city())
                        .then(imported.known(command.city(), command.uids()))
                        .flatMap(known -> make(command, checked, known))));
    }

    private Mono<ImportedEvents> make(ImportEvents command, List<Event> checked, Map<String, UUID> known) {
        List<Integer> fresh = new ArrayList<>();
        List<Unchanged> unchanged = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            String uid = command.entries().get(i).uid();
            if (known.containsKey(uid)) {
                unchanged.add(new Unchanged(uid, known.get(uid)));
            } else {
                fresh.add(i);
            }
        }
        List<String> uids = fresh.stream().map(i -> command.entries().get(i).uid()).toList();
        return events.insertAll(checked, fresh).flatMap(created -> imported
                .record(command.city(), uids, created.stream().map(made -> made.event().id()).toList(), clock.instant())
                .onErrorMap(DuplicateKeyException.class, clash -> new RuleBroken(
                        "Another request imported some of these events at the same time; nothing was imported. "
                                + "Send the calendar again: what the other imported is then left as it is",
                        new Violation("events", "were being imported by another request")))
                .thenReturn(new ImportedEvents(created, unchanged)));
    }
}
