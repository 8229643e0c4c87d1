package io.kafkaconnect.cinnox.harness;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark run (see {@link BenchmarkMain}): a live-clock simulator with the real rate limit, the backlog
 * of {@code [history.start, now - 31 min)} (older than the connector's default 30-minute settle delay), and the
 * figures issue 10 asks for, taken between the deployment and the moment every report's topic holds as many
 * records as the ground truth has in that span.
 */
final class BenchmarkRun {

    static final List<String> ALL_REPORTS = List.of("enquiry-detail", "enquiry-chat", "call-detail", "call-log",
            "conference-detail", "recording-file", "sms-detail", "enquiry-overview", "sent-campaigns-summary",
            "sent-campaigns-detail");
    private static final int CHUNK_DAYS = 7;

    private final SuiteOptions o;
    private final String run;
    private final ScenarioResult result;

    BenchmarkRun(SuiteOptions o, String run, ScenarioResult result) {
        this.o = o;
        this.run = run;
        this.result = result;
    }

    void run() {
        int workers = o.integer("workers", 1, 1);
        int tasks = o.integer("tasks", 1, 1);
        int rpm = o.integer("rpm", 450, 450);
        int pageSize = o.integer("page-size", 500, 500);
        String reportsText = o.text("reports", "");
        List<String> reports = reportsText.isEmpty() ? ALL_REPORTS : List.of(reportsText.split(","));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant from = o.flag("skewed") ? chunkStart(now).minus(Duration.ofDays(CHUNK_DAYS))
                : now.minus(Duration.ofDays(o.integer("history-days", 7, 7)));
        Instant cutoff = now.minus(Duration.ofMinutes(31));
        int simDays = (int) Duration.between(from, now).toDays() + 2;
        SimulatorSpec spec = SimulatorSpec.live(o.seed(), o.integer("per-day", 200, 200), simDays,
                o.integer("sim-limit", 500, 500)).with("--admin", "--latency-ms", o.text("latency-ms", "0"));
        ClusterLayout layout = o.layout("bench-" + run, workers, o.flag("eos"));
        ConnectorSettings connector = new ConnectorSettings(layout.simulatorUrl(), from, tasks)
                .with("requests.per.minute", Integer.toString(rpm)).with("page.size", Integer.toString(pageSize));
        if (!reportsText.isEmpty()) {
            connector.with("reports", reportsText);
        }
        result.figure("topology", workers + " worker(s) x tasks.max=" + tasks + ", latency "
                + o.text("latency-ms", "0") + " ms, requests.per.minute " + rpm + ", simulator limit "
                + spec.rateLimit() + "/min, page.size " + pageSize + ", " + (o.flag("eos") ? "exactly-once"
                : "at-least-once") + ", reports " + (reportsText.isEmpty() ? "all" : reportsText));
        try (RunContext ctx = new RunContext(layout, spec, connector, false)
                .simulatorHeap(o.text("simulator-heap", "1g"))) {
            ctx.start();
            BacklogSize size = BacklogSize.of(ctx.spec(), Instant.now(), from, cutoff, pageSize, reports);
            result.figure("backlog", size.totalRecords() + " records of [" + from + ", " + cutoff + "): "
                    + size.records);
            if (o.flag("skewed")) {
                skew(ctx, from, cutoff, pageSize, reports);
            }
            measure(ctx, size, rpm);
        }
    }

    private void skew(RunContext ctx, Instant from, Instant cutoff, int pageSize, List<String> reports) {
        Instant boundary = from.plus(Duration.ofDays(CHUNK_DAYS));
        BacklogSize first = BacklogSize.of(ctx.spec(), Instant.now(), from, boundary, pageSize, reports);
        BacklogSize second = BacklogSize.of(ctx.spec(), Instant.now(), boundary, cutoff, pageSize, reports);
        result.figure("skew (minimum requests per 7-day chunk)", first.totalMinimum() + " in [" + from + ", "
                + boundary + "), " + second.totalMinimum() + " in [" + boundary + ", " + cutoff + ")");
    }

    private void measure(RunContext ctx, BacklogSize size, int rpm) {
        SimAdmin admin = new SimAdmin(ctx.layout().simulatorUrl());
        try (WorkerSampler sampler = new WorkerSampler(ctx.cluster(), ctx.layout().dir().resolve("workers.csv"),
                10_000, o.integer("full-gc-every", 6, 6))) {
            double cpu0 = sampler.cpuNow();
            Instant start = Instant.now();
            long t0 = System.nanoTime();
            ctx.deploy();
            Duration limit = Duration.ofMinutes(o.integer("max-minutes", 60, 60));
            boolean done = RunContext.await(limit, () -> {
                progress(ctx, admin, size);
                return backlogDone(ctx.reader().countsByReport(), size);
            });
            double seconds = RunContext.seconds(t0);
            Instant end = Instant.now();
            double cpu = sampler.cpuNow() - cpu0;
            long read = ctx.reader().records();
            SimAdmin.Requests req = admin.requests();
            result.require(done, "the backlog was not read within " + limit.toMinutes() + " min");
            result.figure("backlog read in", String.format("%.0f s", seconds));
            perMinute(req, start, end, rpm);
            keepRecent(admin, ctx.layout().dir().resolve("requests.txt"));
            result.figure("requests / minimum", String.format("%d / %d = %.2f", req.total(), size.totalMinimum(),
                    (double) req.total() / size.totalMinimum()));
            result.figure("requests by route (actual/minimum)", byRoute(req, size));
            result.figure("6451010 answers", req.rateLimited());
            result.figure("records/s", String.format("%.0f (%d backlog records; %d records read in all)",
                    size.totalRecords() / seconds, size.totalRecords(), read));
            result.figure("worker CPU s per 1,000 records", String.format("%.3f (%.1f CPU s for %d records)",
                    cpu * 1000 / read, cpu, read));
            heap(sampler.samples());
        }
    }

    private static boolean backlogDone(Map<String, Integer> counts, BacklogSize size) {
        return size.records.entrySet().stream().allMatch(e -> counts.getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    private long lastProgress;

    private void progress(RunContext ctx, SimAdmin admin, BacklogSize size) {
        if (System.currentTimeMillis() - lastProgress >= 30_000) {
            lastProgress = System.currentTimeMillis();
            RunContext.log("%d of %d backlog records read; %d requests so far", ctx.reader().records(),
                    size.totalRecords(), admin.requests().total());
        }
    }

    private void perMinute(SimAdmin.Requests req, Instant start, Instant end, int rpm) {
        List<Integer> full = new ArrayList<>();
        req.perMinute().forEach((minute, n) -> {
            if (!minute.isBefore(start) && !minute.plus(Duration.ofMinutes(1)).isAfter(end)) {
                full.add(n);
            }
        });
        double mean = full.stream().mapToInt(Integer::intValue).average().orElse(0);
        result.figure("requests per full clock minute", full.isEmpty() ? "no full minute" : full.toString());
        result.figure("requests per 10 s, by minute (UTC)", tenSeconds(req, start, end));
        result.figure("mean per full minute", String.format("%.0f = %.0f%% of requests.per.minute %d", mean,
                100 * mean / rpm, rpm));
    }

    /** Writes the simulator's recent requests beside the run's logs, to see what a slow minute waited for. */
    private static void keepRecent(SimAdmin admin, java.nio.file.Path file) {
        try {
            java.nio.file.Files.write(file, admin.recent());
        } catch (java.io.IOException | RuntimeException e) {
            RunContext.log("could not keep the simulator's recent requests: %s", e);
        }
    }

    /** Each minute of the run as its six 10-second counts, so a low minute shows when it lost its requests. */
    private static String tenSeconds(SimAdmin.Requests req, Instant start, Instant end) {
        Map<Instant, List<Integer>> minutes = new TreeMap<>();
        Instant first = start.truncatedTo(ChronoUnit.MINUTES);
        for (Instant m = first; m.isBefore(end); m = m.plus(Duration.ofMinutes(1))) {
            List<Integer> spans = new ArrayList<>();
            for (int s = 0; s < 60; s += 10) {
                spans.add(req.perTenSeconds().getOrDefault(m.plusSeconds(s), 0));
            }
            minutes.put(m, spans);
        }
        StringBuilder out = new StringBuilder();
        minutes.forEach((m, spans) -> out.append(out.length() == 0 ? "" : "; ")
                .append(m.toString(), 11, 16).append(' ').append(spans));
        return out.toString();
    }

    private static String byRoute(SimAdmin.Requests req, BacklogSize size) {
        Map<String, String> routes = new TreeMap<>();
        req.perRoute().forEach((route, n) -> routes.put(route, n + "/" + size.minimumRequests.getOrDefault(route, 0L)));
        size.minimumRequests.forEach((route, n) -> routes.putIfAbsent(route, "0/" + n));
        return routes.toString();
    }

    private void heap(List<WorkerSampler.Sample> all) {
        List<WorkerSampler.Sample> samples = all.stream().filter(s -> s.usedMb() >= 0).toList();
        double maxUsed = samples.stream().mapToDouble(WorkerSampler.Sample::usedMb).max().orElse(-1);
        double maxOld = samples.stream().mapToDouble(WorkerSampler.Sample::oldMb).max().orElse(-1);
        List<Double> live = all.stream().filter(s -> s.liveMb() >= 0).map(WorkerSampler.Sample::liveMb).toList();
        result.figure("worker heap (whole worker JVM, jstat)", String.format(
                "max in use %.0f MB, max old generation %.0f MB (%d samples, workers.csv)", maxUsed, maxOld,
                samples.size()));
        result.figure("worker live heap (class histogram after a full GC, every minute, MB)", live.stream()
                .map(v -> String.format("%.0f", v)).toList());
    }

    /** The start of the backfill chunk holding {@code t}: chunks of 7 days on a UTC grid from 1970-01-01. */
    static Instant chunkStart(Instant t) {
        long day = Math.floorDiv(t.getEpochSecond(), 86_400);
        return Instant.ofEpochSecond((day - Math.floorMod(day, CHUNK_DAYS)) * 86_400);
    }
}
