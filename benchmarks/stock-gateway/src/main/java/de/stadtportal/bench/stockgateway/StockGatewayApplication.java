package de.stadtportal.bench.stockgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway as it comes: its routes and the backends' instances are given as properties
 * when it starts (the platform benchmark's {@code StockGateway} passes gateway-service's routes to
 * the same instances); nothing else is configured.
 */
@SpringBootApplication
public class StockGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockGatewayApplication.class, args);
    }
}
