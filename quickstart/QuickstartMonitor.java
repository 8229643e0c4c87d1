import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The progress display of bin/quickstart: every few seconds, the connectors' and tasks' states from
 * the Connect REST API and, per topic whose name starts with the prefix, the sum of its partitions'
 * end offsets (records written so far). One JVM for the whole run, so polling stays light.
 *
 * <p>Args: bootstrapServers restUrl[,restUrl...] topicPrefix intervalSeconds
 */
public final class QuickstartMonitor {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String[] restUrls = args[1].split(",");
    String prefix = args[2];
    long intervalMs = Long.parseLong(args[3]) * 1000L;

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "quickstart-monitor");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Map<String, Long> previous = new HashMap<>();

    try (Admin admin = Admin.create(props)) {
      while (true) {
        StringBuilder out = new StringBuilder();
        out.append(LocalTime.now().truncatedTo(ChronoUnit.SECONDS)).append("  ");
        out.append(connectorStates(http, restUrls)).append('\n');
        out.append("          ").append(topicOffsets(admin, prefix, previous)).append('\n');
        System.out.print(out);
        System.out.flush();
        Thread.sleep(intervalMs);
      }
    }
  }

  private static String connectorStates(HttpClient http, String[] restUrls) {
    for (String base : restUrls) {
      try {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/connectors?expand=status"))
            .timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) {
          continue;
        }
        JsonNode root = JSON.readTree(resp.body());
        if (root.isEmpty()) {
          return "connectors: none (worker " + base + " is up)";
        }
        List<String> parts = new ArrayList<>();
        root.properties().forEach(e -> {
          JsonNode status = e.getValue().path("status");
          StringBuilder sb = new StringBuilder();
          sb.append(e.getKey()).append(' ')
              .append(status.path("connector").path("state").asText("?"))
              .append('@').append(shortWorker(status.path("connector").path("worker_id").asText("")));
          sb.append(" tasks:");
          JsonNode tasks = status.path("tasks");
          if (tasks.isEmpty()) {
            sb.append(" none");
          }
          for (JsonNode t : tasks) {
            sb.append(' ').append(t.path("id").asText()).append('=').append(t.path("state").asText())
                .append('@').append(shortWorker(t.path("worker_id").asText("")));
            if (t.has("trace")) {
              String trace = t.path("trace").asText();
              int nl = trace.indexOf('\n');
              sb.append(" (").append(nl > 0 ? trace.substring(0, nl) : trace).append(')');
            }
          }
          parts.add(sb.toString());
        });
        return String.join(" | ", parts);
      } catch (Exception e) {
        // try the next worker
      }
    }
    return "connectors: no worker answers on " + String.join(",", restUrls);
  }

  private static String shortWorker(String workerId) {
    int colon = workerId.lastIndexOf(':');
    return colon >= 0 ? workerId.substring(colon + 1) : workerId;
  }

  private static String topicOffsets(Admin admin, String prefix, Map<String, Long> previous) {
    try {
      List<String> topics = new ArrayList<>();
      for (String name : admin.listTopics().names().get(8, TimeUnit.SECONDS)) {
        if (name.startsWith(prefix)) {
          topics.add(name);
        }
      }
      if (topics.isEmpty()) {
        return "topics " + prefix + "*: none yet";
      }
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(8, TimeUnit.SECONDS).values()) {
        d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<String, Long> ends = new TreeMap<>();
      admin.listOffsets(request).all().get(8, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
      long total = 0;
      long delta = 0;
      StringBuilder sb = new StringBuilder();
      int lineStart = 0;
      for (Map.Entry<String, Long> e : ends.entrySet()) {
        String item = e.getKey() + "=" + e.getValue();
        if (sb.length() - lineStart + item.length() > 100) {
          sb.append("\n          ");
          lineStart = sb.length();
        } else if (sb.length() > 0) {
          sb.append("  ");
        }
        sb.append(item);
        total += e.getValue();
        delta += e.getValue() - previous.getOrDefault(e.getKey(), 0L);
      }
      previous.putAll(ends);
      return "records: total=" + total + " (+" + delta + " since last)\n          " + sb;
    } catch (Exception e) {
      return "end offsets: unavailable (" + e.getClass().getSimpleName() + ")";
    }
  }
}
