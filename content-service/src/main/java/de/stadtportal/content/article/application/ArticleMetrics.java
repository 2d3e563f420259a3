package de.stadtportal.content.article.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The article feature's meters in one place, under {@code stadtportal.content.*}, so the use cases
 * say what happened ("an article was published") and not how it is counted.
 */
@Component
class ArticleMetrics {

    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();

    ArticleMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("stadtportal.content.publishing.pending", pending, AtomicLong::get)
                .description("Drafts waiting for their publishAt")
                .register(meters);
    }

    /** A change committed; {@code change} is what the revision list calls it ({@code created}, {@code published}, …). */
    void changed(String change) {
        meters.counter("stadtportal.content.articles.changes", "change", change).increment();
    }

    /** An event went into the outbox; {@code type} is {@code published} or {@code withdrawn}. */
    void announced(String type) {
        meters.counter("stadtportal.content.articles.events", "type", type).increment();
    }

    /** A publishing pass published {@code count} scheduled articles. */
    void publishedOnSchedule(long count) {
        meters.counter("stadtportal.content.publishing.scheduled").increment(count);
    }

    /** How many drafts wait for their {@code publishAt} after the last pass. */
    void pending(long count) {
        pending.set(count);
    }
}
