package de.stadtportal.bench.gateway;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The benchmark's backend and gateway, left running for a load generator in another process (wrk)
 * and for profiling: prints both ports, then serves until killed.
 */
public final class GatewayServer {

    private GatewayServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int backendPort = Integer.getInteger("bench.backend.port", 18081);
        int gatewayPort = Integer.getInteger("bench.gateway.port", 18080);
        DisposableServer backend = HttpServer.create().host("127.0.0.1").port(backendPort)
                .route(routes -> routes.get(GatewayBenchmark.PATH, (request, response) -> response.status(HttpResponseStatus.OK)
                        .header("Content-Type", "application/json").sendByteArray(Mono.just(GatewayBenchmark.BODY))))
                .bindNow();
        String uri = System.getProperty("bench.backend.uri", "http://127.0.0.1:" + backend.port());
        ConfigurableApplicationContext gateway = GatewayBenchmark.startGateway(uri, gatewayPort);
        System.out.println("backend " + backend.port() + " gateway "
                + gateway.getEnvironment().getProperty("local.server.port") + " ready");
        Thread.currentThread().join();
    }
}
