import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The progress display of bin/quickstart. Every few seconds, in a few lines:
 *
 * <ul>
 *   <li>the connectors' and tasks' states (Connect REST API), and the first line of the trace of every
 *       FAILED connector or task ("errors");
 *   <li>records per topic whose name starts with the prefix (sum of its partitions' end offsets), with
 *       the backfill progress and lag of the report that topic belongs to;
 *   <li>requests per minute the connector's tasks actually sent against its budget (the connector's
 *       {@code requests.per.minute}), and the throttled, 6451010 and retry counts.
 * </ul>
 *
 * <p>The connector's figures come from its plugin metrics (docs/metrics.md), read over JMX from every
 * worker ({@code kafka.connect:type=plugins,connector=<name>[,task=<n>[,report=<report>]]}). Per report,
 * backfill is the mean over the tasks that have units of the report, each task counting once: a task's
 * value is the fraction of its own units' settled history read, and the metrics do not say how long that
 * history is, so the exact weighting is not possible; with units of similar length the mean is close (the
 * minimum would stay at 0% while one task has not started a report that another has finished). Lag is the
 * maximum over the tasks. Requests per minute: the growth of requests-sent-total summed over all tasks, scaled to a
 * minute, over the last interval and over the last 60 s. One JVM for the whole run, so polling stays light.
 *
 * <p>Args: bootstrapServers restUrl[,restUrl...] topicPrefix intervalSeconds [connectorName
 * [jmxHost:port[,jmxHost:port...]]]
 */
public final class QuickstartMonitor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final String INDENT = "          ";
  private static final String NO_WORKER = "connectors: no worker answers on ";
  private static final int WIDTH = 110;
  private static final int BUDGET_DEFAULT = 400; // CinnoxSourceConfig.REQUESTS_PER_MINUTE_DEFAULT
  private static final String[] TASK_ATTRS = {
      "requests-sent-total", "requests-throttled-total", "rate-limited-total", "retries-total"};
  private static final String[] REPORT_ATTRS = {"records-total", "lag-seconds", "backfill-progress"};
  private static final String[] CONNECTOR_ATTRS = {"units-total", "units-finished", "tasks"};
  private static final ExecutorService CONNECTING = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "jmx-connect");
    t.setDaemon(true);
    return t;
  });

  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String[] restUrls = args[1].split(",");
    String prefix = args[2];
    long intervalMs = Long.parseLong(args[3]) * 1000L;
    String connectorName = args.length > 4 ? args[4] : "";
    List<JmxEndpoint> endpoints = new ArrayList<>();
    if (args.length > 5) {
      for (String hostPort : args[5].split(",")) {
        if (!hostPort.isBlank()) {
          endpoints.add(new JmxEndpoint(hostPort.trim()));
        }
      }
    }
    // A worker that accepts the connection but does not answer (long GC, stopping) must not stall the display.
    System.setProperty("sun.rmi.transport.tcp.responseTimeout", "5000");

    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "quickstart-monitor");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Map<String, Long> previous = new HashMap<>();
    Requests requests = new Requests();

    try (Admin admin = Admin.create(props)) {
      while (true) {
        long started = System.nanoTime();
        StringBuilder out = new StringBuilder();
        out.append(CLOCK.format(LocalTime.now())).append("  ");
        List<String> errors = new ArrayList<>();
        String states = connectorStates(http, restUrls, errors);
        out.append(states);
        if (states.startsWith(NO_WORKER)) {
          out.append('\n');
        } else if (errors.isEmpty()) {
          out.append("  errors: none\n");
        } else {
          out.append('\n');
          for (String error : errors) {
            out.append(INDENT).append("ERROR ").append(error).append('\n');
          }
        }
        Metrics metrics = connectorName.isEmpty() || endpoints.isEmpty() ? null
            : Metrics.read(endpoints, connectorName);
        String[] topicLines = topicsAndReports(admin, prefix, previous, metrics);
        out.append(topicLines[0]);
        if (metrics == null) {
          if (!connectorName.isEmpty()) {
            out.append(INDENT).append("metrics: not yet available").append(unavailable(endpoints)).append('\n');
          }
        } else {
          requests.add(System.nanoTime(), metrics);
          out.append(INDENT).append(requests.line(budget(http, restUrls, connectorName), metrics)).append('\n');
        }
        out.append(topicLines[1]);
        System.out.print(out);
        System.out.flush();
        long spentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Thread.sleep(Math.max(500, intervalMs - spentMs));
      }
    }
  }

  // ------------------------------------------------------------------------------------ REST API

  private static String connectorStates(HttpClient http, String[] restUrls, List<String> errors) {
    for (String base : restUrls) {
      try {
        HttpResponse<String> resp = get(http, base + "/connectors?expand=status");
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
          JsonNode connector = status.path("connector");
          StringBuilder sb = new StringBuilder();
          sb.append(e.getKey()).append(' ').append(connector.path("state").asText("?"))
              .append('@').append(shortWorker(connector.path("worker_id").asText("")));
          if (connector.has("trace")) {
            errors.add(e.getKey() + " " + connector.path("state").asText("?") + ": "
                + firstLine(connector.path("trace").asText()));
          }
          sb.append(" tasks:");
          JsonNode tasks = status.path("tasks");
          if (tasks.isEmpty()) {
            sb.append(" none");
          }
          for (JsonNode t : tasks) {
            sb.append(' ').append(t.path("id").asText()).append('=').append(t.path("state").asText())
                .append('@').append(shortWorker(t.path("worker_id").asText("")));
            if (t.has("trace")) {
              errors.add(e.getKey() + " task " + t.path("id").asText() + " " + t.path("state").asText()
                  + ": " + firstLine(t.path("trace").asText()));
            }
          }
          parts.add(sb.toString());
        });
        return String.join(" | ", parts);
      } catch (Exception e) {
        // try the next worker
      }
    }
    return NO_WORKER + String.join(",", restUrls);
  }

  /**
   * The connector's requests.per.minute (its default when the config leaves it out), or null when no worker
   * says. Only that one value is taken from the config; the rest (the App Token among it) is never kept.
   */
  private static String budget(HttpClient http, String[] restUrls, String connectorName) {
    String path = "/connectors/" + URLEncoder.encode(connectorName, StandardCharsets.UTF_8).replace("+", "%20")
        + "/config";
    for (String base : restUrls) {
      try {
        HttpResponse<String> resp = get(http, base + path);
        if (resp.statusCode() != 200) {
          continue;
        }
        JsonNode value = JSON.readTree(resp.body()).path("requests.per.minute");
        return value.isMissingNode() || value.asText().isBlank() ? BUDGET_DEFAULT + " (default)"
            : value.asText().trim();
      } catch (Exception e) {
        // try the next worker
      }
    }
    return null;
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static String firstLine(String trace) {
    int nl = trace.indexOf('\n');
    String line = (nl >= 0 ? trace.substring(0, nl) : trace).trim();
    return line.length() > 300 ? line.substring(0, 297) + "..." : line;
  }

  private static String shortWorker(String workerId) {
    int colon = workerId.lastIndexOf(':');
    return colon >= 0 ? workerId.substring(colon + 1) : workerId;
  }

  // ------------------------------------------------------------------------------ topics, reports

  /** The records line, and the backfill line with the per report/topic lines. */
  private static String[] topicsAndReports(Admin admin, String prefix, Map<String, Long> previous,
      Metrics metrics) {
    Map<String, Long> ends;
    String topicsError = null;
    try {
      ends = endOffsets(admin, prefix);
    } catch (Exception e) {
      ends = new TreeMap<>();
      topicsError = "end offsets unavailable (" + e.getClass().getSimpleName() + ")";
    }
    long total = 0;
    long delta = 0;
    for (Map.Entry<String, Long> e : ends.entrySet()) {
      total += e.getValue();
      delta += e.getValue() - previous.getOrDefault(e.getKey(), 0L);
    }
    previous.putAll(ends);

    StringBuilder out = new StringBuilder(INDENT);
    if (topicsError != null) {
      out.append(topicsError);
    } else if (ends.isEmpty()) {
      out.append("topics ").append(prefix).append("*: none yet");
    } else {
      out.append("records: ").append(total).append(" in ").append(ends.size()).append(" topics (+").append(delta)
          .append(" since last)");
    }
    StringBuilder reports = new StringBuilder();
    if (metrics != null && !metrics.reports.isEmpty()) {
      long sent = 0;
      String least = null;
      double leastValue = 2;
      long maxLag = -1;
      for (Map.Entry<String, ReportFigures> e : metrics.reports.entrySet()) {
        ReportFigures r = e.getValue();
        sent += r.records;
        if (r.backfill() != null && r.backfill() < leastValue) {
          leastValue = r.backfill();
          least = e.getKey();
        }
        if (r.lagSeconds != null) {
          maxLag = Math.max(maxLag, r.lagSeconds);
        }
      }
      out.append(", ").append(sent).append(" sent by the current tasks");
      reports.append(INDENT).append("backfill: ");
      if (least != null) {
        reports.append(leastValue < 1 ? "lowest " + percent(leastValue) + " (" + least + ")" : "100%")
            .append(", max lag ").append(human(maxLag));
      }
      if (metrics.unitsTotal != null) {
        reports.append(least != null ? ", " : "").append("units ")
            .append(metrics.unitsFinished == null ? "?" : metrics.unitsFinished).append('/')
            .append(metrics.unitsTotal).append(" done");
      }
      reports.append(" | per report: records backfill lag\n");
    }
    out.append('\n');

    // Per report (topic prefix + report name) or topic: records [backfill lag].
    Map<String, String> items = new TreeMap<>();
    for (Map.Entry<String, Long> e : ends.entrySet()) {
      String name = e.getKey().substring(prefix.length());
      items.put(name, name + "=" + e.getValue());
    }
    if (metrics != null) {
      for (Map.Entry<String, ReportFigures> e : metrics.reports.entrySet()) {
        ReportFigures r = e.getValue();
        String item = items.getOrDefault(e.getKey(), e.getKey() + "=" + (ends.isEmpty() && topicsError != null
            ? r.records + "(sent)" : "0"));
        if (r.backfill() != null) {
          item += " " + percent(r.backfill()) + (r.lagSeconds == null ? "" : " " + human(r.lagSeconds));
        }
        items.put(e.getKey(), item);
      }
    }
    StringBuilder line = new StringBuilder();
    for (String item : items.values()) {
      if (line.length() > 0 && INDENT.length() + line.length() + 3 + item.length() > WIDTH) {
        reports.append(INDENT).append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " | " : "").append(item);
    }
    if (line.length() > 0) {
      reports.append(INDENT).append(line).append('\n');
    }
    return new String[] {out.toString(), reports.toString()};
  }

  private static Map<String, Long> endOffsets(Admin admin, String prefix) throws Exception {
    List<String> topics = new ArrayList<>();
    for (String name : admin.listTopics().names().get(8, TimeUnit.SECONDS)) {
      if (name.startsWith(prefix)) {
        topics.add(name);
      }
    }
    Map<String, Long> ends = new TreeMap<>();
    if (topics.isEmpty()) {
      return ends;
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(8, TimeUnit.SECONDS).values()) {
      d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    admin.listOffsets(request).all().get(8, TimeUnit.SECONDS)
        .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
    return ends;
  }

  // --------------------------------------------------------------------------------------- JMX

  /** One worker's JMX connector server; connects lazily and again after a failure. */
  static final class JmxEndpoint {
    final String hostPort;
    private JMXConnector connector;
    private MBeanServerConnection connection;
    /** Per MBean, the wanted attributes it has: asking for a missing one makes the worker log a WARN. */
    private final Map<ObjectName, String[]> present = new HashMap<>();
    private int rounds;
    String lastError = "not tried";

    /** Starts a round: MBean infos are read again now and then, as metrics come and go with tasks. */
    void newRound(Set<ObjectName> names) {
      present.keySet().retainAll(names);
      if (++rounds % 12 == 0) {
        present.clear();
      }
    }

    String[] attributes(MBeanServerConnection conn, ObjectName name, String[] wanted) throws Exception {
      String[] known = present.get(name);
      if (known == null) {
        Set<String> has = new HashSet<>();
        for (javax.management.MBeanAttributeInfo info : conn.getMBeanInfo(name).getAttributes()) {
          has.add(info.getName());
        }
        known = java.util.Arrays.stream(wanted).filter(has::contains).toArray(String[]::new);
        present.put(name, known);
      }
      return known;
    }

    JmxEndpoint(String hostPort) {
      this.hostPort = hostPort;
    }

    MBeanServerConnection connection() throws Exception {
      if (connection == null) {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + hostPort + "/jmxrmi");
        Future<JMXConnector> pending = CONNECTING.submit(() -> JMXConnectorFactory.connect(url, null));
        try {
          connector = pending.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          pending.cancel(true);
          throw new TimeoutException("no answer within 5s");
        }
        connection = connector.getMBeanServerConnection();
      }
      return connection;
    }

    void reset(Exception cause) {
      Throwable root = cause;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      lastError = root.getClass().getSimpleName() + (root.getMessage() == null ? ""
          : ": " + firstLine(root.getMessage()));
      try {
        if (connector != null) {
          connector.close();
        }
      } catch (Exception ignored) {
        // gone anyway
      }
      connector = null;
      connection = null;
      present.clear();
    }
  }

  private static String unavailable(List<JmxEndpoint> endpoints) {
    if (endpoints.isEmpty()) {
      return " (no JMX port given)";
    }
    List<String> why = new ArrayList<>();
    for (JmxEndpoint e : endpoints) {
      why.add("JMX " + e.hostPort + ": " + e.lastError);
    }
    return " (" + String.join("; ", why) + ")";
  }

  static final class ReportFigures {
    long records;
    double backfillSum;
    int backfillTasks;
    Long lagSeconds; // max over tasks

    /** Mean over the tasks with units of the report, or null when none has. */
    Double backfill() {
      return backfillTasks == 0 ? null : backfillSum / backfillTasks;
    }
  }

  /** One round of the connector's plugin metrics from every reachable worker. */
  static final class Metrics {
    final Map<String, Map<String, Long>> taskCounters = new HashMap<>(); // "host:port/task" -> attr -> value
    final Set<String> endpointsRead = new HashSet<>();
    final Map<String, ReportFigures> reports = new TreeMap<>();
    Long unitsTotal;
    Long unitsFinished;
    Long tasks;

    /** Null when no worker's JMX answered or none has the connector's metrics yet. */
    static Metrics read(List<JmxEndpoint> endpoints, String connectorName) {
      Metrics m = new Metrics();
      boolean any = false;
      for (JmxEndpoint endpoint : endpoints) {
        try {
          MBeanServerConnection conn = endpoint.connection();
          Set<ObjectName> names = conn.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null);
          endpoint.newRound(names);
          boolean found = false;
          for (ObjectName name : names) {
            found |= m.add(endpoint, conn, name, connectorName);
          }
          m.endpointsRead.add(endpoint.hostPort);
          if (found) {
            any = true;
          } else {
            endpoint.lastError = "no " + connectorName + " metrics yet";
          }
        } catch (Exception e) {
          endpoint.reset(e);
        }
      }
      return any ? m : null;
    }

    private boolean add(JmxEndpoint endpoint, MBeanServerConnection conn, ObjectName name, String connectorName)
        throws Exception {
      Map<String, String> keys = new HashMap<>(name.getKeyPropertyList());
      keys.remove("type");
      String connector = unquote(keys.remove("connector"));
      String task = unquote(keys.remove("task"));
      String report = unquote(keys.remove("report"));
      if (!connectorName.equals(connector) || !keys.isEmpty()) {
        return false; // another connector, or another plugin's metrics (converter=, transformation=, ...)
      }
      if (task == null && report == null) {
        Map<String, Long> v = longs(conn, name, endpoint.attributes(conn, name, CONNECTOR_ATTRS));
        unitsTotal = v.getOrDefault("units-total", unitsTotal);
        unitsFinished = v.getOrDefault("units-finished", unitsFinished);
        tasks = v.getOrDefault("tasks", tasks);
      } else if (task != null && report == null) {
        taskCounters.put(endpoint.hostPort + "/" + task,
            longs(conn, name, endpoint.attributes(conn, name, TASK_ATTRS)));
      } else if (task != null) {
        ReportFigures r = reports.computeIfAbsent(report, k -> new ReportFigures());
        String[] attrs = endpoint.attributes(conn, name, REPORT_ATTRS);
        for (Attribute a : attrs.length == 0 ? List.<Attribute>of() : conn.getAttributes(name, attrs).asList()) {
          if (!(a.getValue() instanceof Number n) || Double.isNaN(n.doubleValue())) {
            continue;
          }
          switch (a.getName()) {
            case "records-total" -> r.records += n.longValue();
            case "lag-seconds" -> r.lagSeconds = Math.max(r.lagSeconds == null ? 0 : r.lagSeconds, n.longValue());
            case "backfill-progress" -> {
              r.backfillSum += n.doubleValue();
              r.backfillTasks++;
            }
            default -> { }
          }
        }
      }
      return true;
    }

    long sum(String attr) {
      long total = 0;
      for (Map<String, Long> v : taskCounters.values()) {
        total += v.getOrDefault(attr, 0L);
      }
      return total;
    }

    private static Map<String, Long> longs(MBeanServerConnection conn, ObjectName name, String[] attrs)
        throws Exception {
      Map<String, Long> values = new HashMap<>();
      if (attrs.length == 0) {
        return values;
      }
      for (Attribute a : conn.getAttributes(name, attrs).asList()) {
        if (a.getValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
          values.put(a.getName(), n.longValue());
        }
      }
      return values;
    }

    private static String unquote(String value) {
      if (value != null && value.length() >= 2 && value.startsWith("\"")) {
        try {
          return ObjectName.unquote(value);
        } catch (IllegalArgumentException e) {
          return value;
        }
      }
      return value;
    }
  }

  /**
   * requests-sent-total summed over all tasks, made monotonic across task restarts and moves (a task's
   * counter starts again at 0 in its new instance), and the rates derived from it.
   */
  static final class Requests {
    private final Map<String, Long> last = new HashMap<>();
    private final Set<String> primedEndpoints = new HashSet<>();
    private final Deque<long[]> history = new ArrayDeque<>(); // {nanoTime, cumulative requests}
    private long cumulative;

    void add(long now, Metrics m) {
      for (Map.Entry<String, Map<String, Long>> e : m.taskCounters.entrySet()) {
        Long value = e.getValue().get("requests-sent-total");
        if (value == null) {
          continue;
        }
        Long before = last.put(e.getKey(), value);
        String endpoint = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
        if (before != null) {
          cumulative += value >= before ? value - before : value;
        } else if (primedEndpoints.contains(endpoint)) {
          cumulative += value; // a task started on this worker since the last round: all its requests are new
        }
      }
      primedEndpoints.addAll(m.endpointsRead);
      history.addLast(new long[] {now, cumulative});
      while (history.size() > 2) { // keep the newest sample at least 60 s old as the oldest
        java.util.Iterator<long[]> it = history.iterator();
        it.next();
        if (now - it.next()[0] < TimeUnit.SECONDS.toNanos(60)) {
          break;
        }
        history.removeFirst();
      }
    }

    String line(String budget, Metrics m) {
      StringBuilder sb = new StringBuilder("requests/min: ");
      // rates: growth of requests-sent-total over all tasks, scaled to a minute
      if (history.size() < 2) {
        sb.append("measuring");
      } else {
        long[] newest = history.peekLast();
        long[] oldest = history.peekFirst();
        long[] previous = null;
        for (long[] sample : history) {
          if (sample != newest) {
            previous = sample;
          }
        }
        sb.append(rate(previous, newest)).append(" last ")
            .append(Math.round((newest[0] - previous[0]) / 1e9)).append('s');
        if (oldest != previous) {
          sb.append(", ").append(rate(oldest, newest)).append(" last ")
              .append(Math.round((newest[0] - oldest[0]) / 1e9)).append('s');
        }
      }
      sb.append(", budget ").append(budget == null ? "?" : budget);
      sb.append(" | throttled ").append(m.sum("requests-throttled-total"))
          .append(", 6451010 ").append(m.sum("rate-limited-total"))
          .append(", retries ").append(m.sum("retries-total"))
          .append(" (since task start)");
      return sb.toString();
    }

    private static long rate(long[] from, long[] to) {
      double seconds = (to[0] - from[0]) / 1e9;
      return seconds <= 0 ? 0 : Math.round((to[1] - from[1]) * 60.0 / seconds);
    }
  }

  // ------------------------------------------------------------------------------------ format

  private static String percent(double fraction) {
    double p = Math.floor(Math.max(0, Math.min(1, fraction)) * 1000) / 10;
    return (p == Math.floor(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }

  /** 40s, 5m10s, 2h5m, 6d23h: the two largest units. */
  private static String human(long seconds) {
    if (seconds <= 0) {
      return "0s";
    }
    long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
    String[] units = {"d", "h", "m", "s"};
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < amounts.length && shown < 2; i++) {
      if (amounts[i] > 0 || shown > 0) {
        if (amounts[i] > 0) {
          sb.append(amounts[i]).append(units[i]);
        }
        shown++;
      }
    }
    return sb.toString();
  }
}
