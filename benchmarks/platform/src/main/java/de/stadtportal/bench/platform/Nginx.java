package de.stadtportal.bench.platform;

import de.stadtportal.launcher.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reference proxy: Debian's nginx in front of one backend, as an operator would put it there (one
 * {@code proxy_pass} to an upstream with keep-alive connections, HTTP/1.1, no buffering of its own
 * beyond the defaults), in a process of its own on a free port. What it costs is what any good proxy
 * costs on this machine; the gateway is judged against it in the same run.
 */
final class Nginx extends ReferenceProxy {

    private Nginx(Process process, int port) {
        super(process, port);
    }

    /** Whether the {@code nginx} binary is there ({@code ./stadtportal bench} installs it). */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    /** Starts nginx proxying every path to the backends on these ports of this machine, one worker per core. */
    static Nginx inFrontOf(List<Integer> backendPorts, Path directory) throws IOException, InterruptedException {
        int port = FreePorts.pick();
        Path prefix = Files.createDirectories(directory.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes auto;
                pid nginx.pid;
                error_log logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path temp/body;
                    proxy_temp_path temp/proxy;
                    fastcgi_temp_path temp/fastcgi;
                    uwsgi_temp_path temp/uwsgi;
                    scgi_temp_path temp/scgi;
                    upstream backend {
                %s
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://backend;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                        }
                    }
                }
                """.formatted(backendPorts.stream().map(backend -> "        server 127.0.0.1:" + backend + ";")
                        .collect(Collectors.joining("\n")), port));
        Files.createDirectories(prefix.resolve("temp"));
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix + "/", "-c", "nginx.conf",
                "-g", "daemon off; master_process on;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/console.log").toFile()).start();
        awaitListening(process, port, "nginx", prefix.resolve("logs"), Duration.ofSeconds(20));
        return new Nginx(process, port);
    }

    @Override
    String key() {
        return "nginx";
    }

    @Override
    String label() {
        return "nginx";
    }
}
