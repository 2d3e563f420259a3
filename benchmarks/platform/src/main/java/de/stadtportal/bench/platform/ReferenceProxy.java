package de.stadtportal.bench.platform;

/**
 * A proxy the gateway is measured against in the same rounds, in front of the same instances: what a
 * good proxy costs on this machine (nginx), and what Spring Cloud Gateway itself costs without the
 * gateway-service's own features (the stock gateway).
 */
interface ReferenceProxy extends AutoCloseable {

    /** Its name in the report's keys ({@code nginxPerSecond}, {@code gatewayToStockGateway}). */
    String key();

    /** Its name in the report's rows. */
    String label();

    String url(String path);

    @Override
    void close();
}
