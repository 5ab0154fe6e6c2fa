# The Grassroots server image. Build the runnable jar first (it is not built inside the image, so that the image
# needs no network and no Maven cache):
#   ./mvnw -B -DskipTests package          # writes target/grassroots-<version>-exec.jar (decision 0010)
#   docker build -t grassroots .
# Run it with the prod profile and a PostgreSQL database (docs/operations.md); deploy/compose.yaml runs two nodes
# behind nginx.
FROM eclipse-temurin:17-jre

RUN groupadd --system grassroots && useradd --system --gid grassroots --home-dir /app grassroots
WORKDIR /app
COPY target/grassroots-*-exec.jar /app/grassroots.jar
USER grassroots

ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=60 -XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Liveness and readiness for orchestrators: /actuator/health/liveness and /actuator/health/readiness.
ENTRYPOINT ["java", "-jar", "/app/grassroots.jar"]
