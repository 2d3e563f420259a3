# One image per service: docker build --build-arg SERVICE=content-service .
# Stage 1 builds the service's jar with the project's own Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY platform platform
COPY content-service/pom.xml content-service/pom.xml
COPY events-service/pom.xml events-service/pom.xml
COPY search-service/pom.xml search-service/pom.xml
COPY gateway-service/pom.xml gateway-service/pom.xml
COPY launcher/pom.xml launcher/pom.xml
COPY ${SERVICE}/src ${SERVICE}/src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -q -B -DskipTests -pl ${SERVICE} -am package \
    && cp ${SERVICE}/target/${SERVICE}-*.jar /app.jar

# Stage 2 runs it as a non-root user with a bounded heap.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app stadtportal
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError"
ENV PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
