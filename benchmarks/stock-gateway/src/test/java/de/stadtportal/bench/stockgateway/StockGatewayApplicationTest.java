package de.stadtportal.bench.stockgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The stock gateway routes as the benchmark starts it: a route bound under a wrong prefix would be silently absent. */
class StockGatewayApplicationTest {

    @Test
    void routes_the_portrait_to_the_content_instance_it_is_given() throws Exception {
        DisposableServer content = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/api/cities/bochum", (request, response) -> response.status(HttpResponseStatus.OK)
                        .header("Content-Type", "application/json").sendString(Mono.just("{\"slug\":\"bochum\"}"))))
                .bindNow();
        try (ConfigurableApplicationContext gateway = SpringApplication.run(StockGatewayApplication.class,
                "--server.port=0",
                "--spring.cloud.discovery.client.simple.instances.content-service[0].uri=http://127.0.0.1:" + content.port())) {
            String port = gateway.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> portrait = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cities/bochum")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(portrait.statusCode()).isEqualTo(200);
            assertThat(portrait.body()).isEqualTo("{\"slug\":\"bochum\"}");
        } finally {
            content.disposeNow();
        }
    }
}
