package io.kafkaconnect.cinnox.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few calls of a Connect worker's REST API the harness makes: deploy, status, restart, read back. */
final class ConnectRest {

    /** One task as the status endpoint reports it. */
    record TaskState(int id, String state, String workerId, String trace) {
    }

    /** Connector and task states; {@code connectorState} is null when the connector is unknown. */
    record Status(String connectorState, List<TaskState> tasks) {

        boolean allRunning(int expectedTasks) {
            return "RUNNING".equals(connectorState) && tasks.size() == expectedTasks
                    && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
        }

        long count(String state) {
            return tasks.stream().filter(t -> state.equals(t.state())).count();
        }
    }

    /** A raw answer, for what the harness prints or searches (secrets). */
    record Answer(int status, String body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean healthy() {
        try {
            return send(HttpRequest.newBuilder(uri("/health")).GET()).status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Creates or updates the connector. */
    Answer putConfig(String connector, Map<String, String> config) {
        try {
            String json = MAPPER.writeValueAsString(config);
            return send(HttpRequest.newBuilder(uri("/connectors/" + connector + "/config"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUT /connector-plugins/{class}/config/validate: the worker's and the connector's checks of {@code config}. */
    Answer validate(String connectorClass, Map<String, String> config) {
        try {
            String json = MAPPER.writeValueAsString(config);
            return send(HttpRequest.newBuilder(uri("/connector-plugins/" + connectorClass + "/config/validate"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Restarts the connector and its tasks (all of them, or only the failed ones). */
    Answer restart(String connector, boolean onlyFailed) {
        return post("/connectors/" + connector + "/restart?includeTasks=true&onlyFailed=" + onlyFailed);
    }

    Status status(String connector) {
        Answer a = get("/connectors/" + connector + "/status");
        if (a.status() != 200) {
            return new Status(null, List.of());
        }
        JsonNode node = parse(a.body());
        List<TaskState> tasks = new ArrayList<>();
        for (JsonNode t : node.path("tasks")) {
            tasks.add(new TaskState(t.path("id").asInt(), t.path("state").asText(), t.path("worker_id").asText(),
                    t.path("trace").asText("")));
        }
        return new Status(node.path("connector").path("state").asText(null), tasks);
    }

    /** The status, or an empty one if the worker does not answer (it may be restarting). */
    Status statusOrEmpty(String connector) {
        try {
            return status(connector);
        } catch (UncheckedIOException e) {
            return new Status(null, List.of());
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
