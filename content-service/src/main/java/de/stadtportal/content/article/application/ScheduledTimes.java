package de.stadtportal.content.article.application;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Times of newly scheduled publications, so the scheduler can wake at the right moment. They are
 * told after the commit, from whichever thread committed, often several at once: the sink of
 * {@code Flux.create} serializes concurrent producers by queueing (a {@code Sinks.Many} fails
 * them, and retrying meant spinning on the event loop) and keeps the latest while the scheduler is
 * busy. Without a subscriber the time is dropped; the scheduler's interval catches every schedule
 * anyway.
 */
@Component
class ScheduledTimes {

    private final AtomicReference<FluxSink<Instant>> sink = new AtomicReference<>();
    private final Flux<Instant> times = Flux.<Instant>create(created -> {
        sink.set(created);
        created.onDispose(() -> sink.compareAndSet(created, null));
    }, FluxSink.OverflowStrategy.LATEST).share();

    void tell(Instant publishAt) {
        FluxSink<Instant> current = sink.get();
        if (current != null) {
            current.next(publishAt);
        }
    }

    Flux<Instant> times() {
        return times;
    }
}
