package de.stadtportal.messaging;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.proxy.observation.ObservationProxyExecutionListener;
import java.util.List;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import reactor.util.context.ContextView;

/**
 * Observes an R2DBC statement only inside a sampled trace. With {@code r2dbc-proxy} on the
 * classpath Boot observes every statement that runs in an observed request or record: a
 * {@code query} span and an {@code r2dbc.query} timer sample each, several per write. For the
 * unsampled majority of requests the span is thrown away and the timer is read by no dashboard or
 * alert (ops/), yet making them was a sizeable share of a write's CPU (docs/benchmarks.md). So
 * Boot's listener is kept for sampled traces, where a trace shows each statement, and skipped for
 * the rest; {@link #customizer(boolean) customizer(false)} removes it altogether.
 */
public final class SampledStatementObservations implements ProxyExecutionListener {

    /** The value-store key that says this statement is observed, so that its end is too. */
    private static final String OBSERVED = SampledStatementObservations.class.getName() + ".observed";

    private final ProxyExecutionListener observations;

    SampledStatementObservations(ProxyExecutionListener observations) {
        this.observations = observations;
    }

    /**
     * Runs after Boot's own customizer (order 0): replaces its observing listener by one that
     * observes sampled traces only ({@code observe}), or removes it ({@code !observe}).
     */
    public static ProxyConnectionFactoryCustomizer customizer(boolean observe) {
        return builder -> {
            List<ProxyExecutionListener> listeners = builder.getProxyConfig().getListeners().getListeners();
            if (observe) {
                listeners.replaceAll(listener -> listener instanceof ObservationProxyExecutionListener
                        ? new SampledStatementObservations(listener) : listener);
            } else {
                listeners.removeIf(ObservationProxyExecutionListener.class::isInstance);
            }
        };
    }

    @Override
    public void beforeQuery(QueryExecutionInfo execution) {
        if (sampled(execution)) {
            execution.getValueStore().put(OBSERVED, Boolean.TRUE);
            observations.beforeQuery(execution);
        }
    }

    @Override
    public void afterQuery(QueryExecutionInfo execution) {
        if (observed(execution)) {
            observations.afterQuery(execution);
        }
    }

    @Override
    public void eachQueryResult(QueryExecutionInfo execution) {
        if (observed(execution)) {
            observations.eachQueryResult(execution);
        }
    }

    private static boolean observed(QueryExecutionInfo execution) {
        return Boolean.TRUE.equals(execution.getValueStore().get(OBSERVED, Boolean.class));
    }

    /** Whether the statement runs in an observation whose span is sampled, as Boot's listener finds its parent. */
    private static boolean sampled(QueryExecutionInfo execution) {
        ContextView context = execution.getValueStore().get(ContextView.class, ContextView.class);
        Object parent = context == null ? null : context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (!(parent instanceof Observation observation)) {
            return false;
        }
        TracingObservationHandler.TracingContext tracing = observation.getContextView()
                .get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        return span != null && Boolean.TRUE.equals(span.context().sampled());
    }
}
