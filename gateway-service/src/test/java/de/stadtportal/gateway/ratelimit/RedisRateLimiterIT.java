package de.stadtportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.stadtportal.gateway.ratelimit.domain.Allowance;
import de.stadtportal.gateway.ratelimit.domain.TokenBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * The Redis store against a real redis-server (started as a process from the embedded-redis
 * binaries), without a Spring context: each "gateway" is a {@link RedisRateLimiter} over its own
 * Lettuce connection, the way two gateway instances would share one Redis.
 */
class RedisRateLimiterIT {

    private static final String PREFIX = "test:ratelimit:";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static RedisServer redis;
    private static int port;

    private final List<LettuceConnectionFactory> connections = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startRedis() throws IOException {
        port = freePort();
        redis = redisServer(port);
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(LettuceConnectionFactory::destroy);
    }

    @Test
    void a_burst_over_the_capacity_is_refused_and_told_to_come_back_when_the_next_token_is_due() {
        RedisRateLimiter gateway = gateway(port);
        Allowance threePerThreeSeconds = new Allowance(3, Duration.ofSeconds(3));
        String client = client();

        for (int request = 0; request < 3; request++) {
            assertThat(take(gateway, client, threePerThreeSeconds).allowed()).isTrue();
        }
        TokenBucket.Take refused = take(gateway, client, threePerThreeSeconds);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(refused.bucket().tokens()).isZero();
    }

    @Test
    void tokens_come_back_over_the_period() {
        RedisRateLimiter gateway = gateway(port);
        Allowance twoPerHalfSecond = new Allowance(2, Duration.ofMillis(500));
        String client = client();
        take(gateway, client, twoPerHalfSecond);
        take(gateway, client, twoPerHalfSecond);
        assertThat(take(gateway, client, twoPerHalfSecond).allowed()).isFalse();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> take(gateway, client, twoPerHalfSecond).allowed());
    }

    @Test
    void two_gateways_share_one_bucket_per_client() {
        RedisRateLimiter first = gateway(port);
        RedisRateLimiter second = gateway(port);
        Allowance threePerMinute = new Allowance(3, Duration.ofMinutes(1));
        String client = client();

        assertThat(take(first, client, threePerMinute).allowed()).isTrue();
        assertThat(take(second, client, threePerMinute).allowed()).isTrue();
        assertThat(take(first, client, threePerMinute).allowed()).isTrue();

        assertThat(take(second, client, threePerMinute).allowed()).isFalse();
        assertThat(take(first, client, threePerMinute).allowed()).isFalse();
    }

    @Test
    void clients_have_separate_buckets() {
        RedisRateLimiter gateway = gateway(port);
        Allowance onePerMinute = new Allowance(1, Duration.ofMinutes(1));
        String exhausted = client();
        take(gateway, exhausted, onePerMinute);
        assertThat(take(gateway, exhausted, onePerMinute).allowed()).isFalse();

        assertThat(take(gateway, client(), onePerMinute).allowed()).isTrue();
    }

    @Test
    void a_token_given_back_may_be_taken_again_but_never_beyond_the_capacity() {
        RedisRateLimiter gateway = gateway(port);
        Allowance twoPerMinute = new Allowance(2, Duration.ofMinutes(1));
        String client = client();
        take(gateway, client, twoPerMinute);
        take(gateway, client, twoPerMinute);
        assertThat(take(gateway, client, twoPerMinute).allowed()).isFalse();

        giveBack(gateway, client, twoPerMinute);
        giveBack(gateway, client, twoPerMinute);
        giveBack(gateway, client, twoPerMinute);

        assertThat(take(gateway, client, twoPerMinute).bucket().tokens()).isEqualTo(1);
        assertThat(take(gateway, client, twoPerMinute).allowed()).isTrue();
        assertThat(take(gateway, client, twoPerMinute).allowed()).isFalse();
    }

    @Test
    void giving_back_to_a_bucket_redis_no_longer_holds_creates_none() {
        RedisRateLimiter gateway = gateway(port);
        String client = client();

        giveBack(gateway, client, new Allowance(2, Duration.ofMinutes(1)));

        assertThat(template(port).hasKey(PREFIX + client).block(TIMEOUT)).isFalse();
    }

    @Test
    void an_idle_clients_bucket_expires_once_it_would_be_full_again() {
        RedisRateLimiter gateway = gateway(port);
        String client = client();

        take(gateway, client, new Allowance(10, Duration.ofMinutes(1)));

        Duration expiry = template(port).getExpire(PREFIX + client).block(TIMEOUT);
        assertThat(expiry).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void while_redis_is_down_requests_pass_and_are_counted_and_once_it_is_back_the_limit_applies_again()
            throws IOException {
        int ownPort = freePort();
        RedisServer own = redisServer(ownPort);
        own.start();
        try {
            RedisRateLimiter gateway = gateway(ownPort);
            Allowance onePerMinute = new Allowance(1, Duration.ofMinutes(1));
            String client = client();
            take(gateway, client, onePerMinute);
            assertThat(take(gateway, client, onePerMinute).allowed()).isFalse();

            own.stop();

            assertThat(take(gateway, client, onePerMinute).allowed()).isTrue();
            assertThat(take(gateway, client, onePerMinute).allowed()).isTrue();
            assertThat(meters.get(RedisRateLimiter.ERRORS).tag("store", "redis").counter().count()).isEqualTo(2);

            own.start();
            // the restarted server has forgotten the bucket: one request passes, then the limit holds
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !take(gateway, client, onePerMinute).allowed());
        } finally {
            own.stop();
        }
    }

    private RedisRateLimiter gateway(int port) {
        return new RedisRateLimiter(template(port), PREFIX, TIMEOUT, meters);
    }

    private ReactiveStringRedisTemplate template(int port) {
        LettuceConnectionFactory connection = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port));
        connection.afterPropertiesSet();
        connection.start();
        connections.add(connection);
        return new ReactiveStringRedisTemplate(connection);
    }

    private static TokenBucket.Take take(RedisRateLimiter gateway, String client, Allowance allowance) {
        return gateway.take(client, allowance).block(Duration.ofSeconds(5));
    }

    private static void giveBack(RedisRateLimiter gateway, String client, Allowance allowance) {
        gateway.giveBack(client, allowance).block(Duration.ofSeconds(5));
    }

    private static String client() {
        return "sub:" + UUID.randomUUID();
    }

    /** No snapshots: the test servers must neither write dump files nor load them on a restart. */
    private static RedisServer redisServer(int port) throws IOException {
        return RedisServer.newRedisServer().port(port).setting("save \"\"").setting("appendonly no").build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
