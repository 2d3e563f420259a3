package de.stadtportal.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import de.stadtportal.testing.time.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.CompletionContext.Status;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RetryableRequestContext;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Which instances the balancer is offered, as failures are reported to it. */
class StaticInstancesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final StaticInstances two = new StaticInstances("content-service",
            List.of(URI.create("http://a:8081"), URI.create("http://b:8181")), clock);
    private final ServiceInstance a = two.get().blockFirst().get(0);
    private final ServiceInstance b = two.get().blockFirst().get(1);

    @Test
    void an_instance_that_refused_a_connection_is_left_out_until_the_ejection_has_passed() {
        two.onComplete(failed(a, new IOException("connect", new ConnectException("Connection refused"))));

        assertThat(offered(two)).containsExactly(b);
        clock.advance(StaticInstances.EJECTION.minusMillis(1));
        assertThat(offered(two)).containsExactly(b);
        clock.advance(Duration.ofMillis(1));
        assertThat(offered(two)).containsExactly(a, b);
    }

    @Test
    void an_instance_whose_request_ran_into_the_route_timeout_is_left_out_too() {
        // what the gateway's routing filter raises when the route's response-timeout passes: a 504 caused by its own TimeoutException
        two.onComplete(failed(b, new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout",
                new TimeoutException("Response took longer than timeout: PT5S"))));

        assertThat(offered(two)).containsExactly(a);
    }

    @Test
    void an_instance_that_answered_badly_or_lost_a_connection_midway_stays_in() {
        two.onComplete(failed(a, new ResponseStatusException(HttpStatus.BAD_GATEWAY)));
        two.onComplete(failed(b, new IOException("Connection reset by peer")));
        two.onComplete(new CompletionContext<>(Status.SUCCESS, request(), new DefaultResponse(a)));

        assertThat(offered(two)).containsExactly(a, b);
    }

    @Test
    void when_every_instance_is_left_out_all_are_offered_again() {
        two.onComplete(failed(a, new ConnectException("Connection refused")));
        two.onComplete(failed(b, new TimeoutException("Response took longer than timeout: PT5S")));

        assertThat(offered(two)).containsExactly(a, b);
    }

    @Test
    void a_retry_is_offered_the_other_instance_even_when_the_one_that_failed_is_still_in() {
        Request<RetryableRequestContext> retry = new DefaultRequest<>(new RetryableRequestContext(a));

        assertThat(two.get(retry).blockFirst()).containsExactly(b);
    }

    @Test
    void with_one_instance_a_retry_after_a_passing_failure_goes_to_it_again_but_not_after_it_was_left_out() {
        StaticInstances one = new StaticInstances("search-service", List.of(URI.create("http://localhost:8083")), clock);
        ServiceInstance only = one.get().blockFirst().get(0);
        Request<RetryableRequestContext> retry = new DefaultRequest<>(new RetryableRequestContext(only));

        assertThat(one.get(retry).blockFirst()).as("after a 503 answer: the backend may answer the next try")
                .containsExactly(only);

        one.onComplete(failed(only, new TimeoutException("Response took longer than timeout: PT3S")));
        assertThat(one.get(retry).blockFirst()).as("after a timeout: no second wait on the same instance").isEmpty();
        assertThat(offered(one)).as("a new request still goes to it: there is no other").containsExactly(only);

        clock.advance(StaticInstances.EJECTION);
        assertThat(one.get(retry).blockFirst()).containsExactly(only);
    }

    private static List<ServiceInstance> offered(StaticInstances instances) {
        return instances.get(request()).blockFirst();
    }

    private static Request<Object> request() {
        return new DefaultRequest<>(new Object());
    }

    private static CompletionContext<Object, ServiceInstance, Object> failed(ServiceInstance instance, Throwable error) {
        return new CompletionContext<>(Status.FAILED, error, request(), new DefaultResponse(instance));
    }
}
