# One image per service: docker build --build-arg SERVICE=content-service .
# Stage 1 builds the service's runnable jar (<service>-<version>-exec.jar) with the project's own Maven wrapper
# and splits it into Boot's layers.
# Maven reads every module of the reactor, so every module's pom.xml is copied (DockerfileBuildTest
# checks this against the <modules> of the root pom and of the poms it names, and runs this stage's RUN command without Docker).
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY content-service/pom.xml content-service/pom.xml
COPY events-service/pom.xml events-service/pom.xml
COPY search-service/pom.xml search-service/pom.xml
COPY gateway-service/pom.xml gateway-service/pom.xml
COPY identity-service/pom.xml identity-service/pom.xml
COPY portal-web/pom.xml portal-web/pom.xml
COPY launcher/pom.xml launcher/pom.xml
COPY benchmarks/pom.xml benchmarks/pom.xml
COPY benchmarks/messaging/pom.xml benchmarks/messaging/pom.xml
COPY benchmarks/gateway/pom.xml benchmarks/gateway/pom.xml
COPY benchmarks/search/pom.xml benchmarks/search/pom.xml
COPY benchmarks/events/pom.xml benchmarks/events/pom.xml
COPY benchmarks/platform/pom.xml benchmarks/platform/pom.xml
COPY benchmarks/media/pom.xml benchmarks/media/pom.xml
COPY benchmarks/stock-gateway/pom.xml benchmarks/stock-gateway/pom.xml
COPY deploy/kubernetes-tests/pom.xml deploy/kubernetes-tests/pom.xml
COPY e2e-tests/pom.xml e2e-tests/pom.xml
COPY platform platform
COPY ${SERVICE}/src ${SERVICE}/src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -Dmaven.test.skip=true -pl ${SERVICE} -am package \
    && java -Djarmode=tools -jar ${SERVICE}/target/${SERVICE}-*-exec.jar extract --layers --launcher --destination layers

# Stage 2 runs it as a non-root user with a bounded heap, one image layer per Boot layer: the
# dependencies change least often, the application most often.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app stadtportal
WORKDIR /app
COPY --from=build /src/layers/dependencies/ ./
COPY --from=build /src/layers/spring-boot-loader/ ./
COPY --from=build /src/layers/snapshot-dependencies/ ./
COPY --from=build /src/layers/application/ ./
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError"
ENV PORT=8080
ENV MANAGEMENT_PORT=9080
EXPOSE 8080 9080
# readiness is served on the management port (actuator), which the gateway never routes
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS "http://localhost:${MANAGEMENT_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
