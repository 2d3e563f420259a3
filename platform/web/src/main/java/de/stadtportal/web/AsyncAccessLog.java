package de.stadtportal.web;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Hands the access log's lines to the console through a queue. One line per request is written on
 * the event loop that finished the request; written straight to stdout, each waits for the console
 * appender's lock and a write to a pipe, under load the largest single wait of the gateway's own.
 * Here the line is formatted on the event loop (its MDC, so its trace, is taken then), queued, and
 * written by Logback's worker thread through the very appenders Boot configured for the root logger
 * (plain or structured, console or file), so the lines look as every other line does.
 * <p>
 * The queue holds 8,192 lines. When it is full, a line is dropped rather than the event loop made to
 * wait ({@code neverBlock}); until then none is dropped (no discarding threshold, which would drop
 * INFO lines from 80 % on). Caller data (class and line of the call) is not taken: it costs a stack
 * walk per line and the access line does not need it.
 */
final class AsyncAccessLog {

    static final int QUEUE_SIZE = 8192;
    private static final String PREFIX = "ASYNC_";

    private AsyncAccessLog() {
    }

    /**
     * Gives the access logger a queued copy of each appender of the root logger, and stops it writing
     * through the root logger itself. Does nothing without Logback, or when done already for this
     * logging configuration (Boot sets Logback up once per JVM unless its configuration changes).
     */
    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = context.getLogger(AccessLogFilter.LOGGER);
        List<Appender<ILoggingEvent>> targets = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
            targets.add(appenders.next());
        }
        if (targets.isEmpty() || targets.stream().anyMatch(target -> access.getAppender(PREFIX + target.getName()) != null)) {
            return;
        }
        for (Appender<ILoggingEvent> target : targets) {
            AsyncAppender queued = new AsyncAppender();
            queued.setContext(context);
            queued.setName(PREFIX + target.getName());
            queued.setQueueSize(QUEUE_SIZE);
            queued.setDiscardingThreshold(0);
            queued.setNeverBlock(true);
            queued.setIncludeCallerData(false);
            queued.addAppender(target);
            queued.start();
            access.addAppender(queued);
        }
        access.setAdditive(false);
    }
}
