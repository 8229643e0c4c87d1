package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags of {@link SimulatorMain}, parsed into settings.
 *
 * @param behaviour paging and answer switches to apply once started (see {@link BehaviourParameters})
 */
record SimulatorArguments(SimulatorSettings settings, boolean help, Map<String, String> behaviour) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar cinnox-simulator.jar [options]",
            "  --port N               TCP port on 127.0.0.1 (default 18080, 0 = ephemeral)",
            "  --seed N               data seed; same seed -> same data (default 42)",
            "  --history-days N       days of data before today (default 30)",
            "  --per-day N            enquiries, calls and SMS per day; conferences N/10, campaigns N/50 (default 500)",
            "  --live                 sim clock follows the wall clock, so new records keep appearing (default)",
            "  --fixed-clock INSTANT  freeze the sim clock at an RFC 3339 instant instead, e.g. 2026-01-10T00:00:00Z",
            "  --rate-limit N         requests per minute per service account (default 500)",
            "  --service-account ID   service account of the App (default acme-hk.cinnox.com)",
            "  --app-id ID            App ID (default app-acme)",
            "  --token TOKEN          App Token (default token-acme)",
            "  --threads N            HTTP worker threads (default 8)",
            "  --admin                serve the admin routes: POST /_sim/faults?latency-ms=&error-rate=&malformed-rate=",
            "                         &reset-rate=&rate-limit-storm=on|off, POST /_sim/token?state=revoked|valid,",
            "                         GET /_sim/requests (per-account minute counts, 6451010 answers, per-route totals),",
            "                         GET /_sim/faults, POST /_sim/requests/reset",
            "  --latency-ms N         delay every answer by N ms of real time (default 0)",
            "  --error-rate F         fraction of requests answered 6451001/HTTP 502 or an HTML 500 (default 0)",
            "  --malformed-rate F     fraction answered with a non-JSON or truncated body (default 0)",
            "  --reset-rate F         fraction whose connection is dropped without an answer (default 0)",
            "  --long-call-share F    fraction of calls and conferences lasting --long-call-minutes (default 0)",
            "  --long-call-minutes N  length of those long calls (default 120)",
            "  --recording-delay-s N  recordings are ready N s after their call ends (default 10-90 s at random)",
            "  --late-close-share F   fraction of enquiries closing --late-close-hours after creation (default 0)",
            "  --late-close-hours N   when those enquiries close (default 96)",
            "  --tie-group N          rows share their sort time in groups of N (default 1: no ties)",
            "  --behaviour QUERY      paging switches, e.g. 'late-insert=sms-detail:1&limit-cap=50'; names:",
            "                         " + BehaviourParameters.NAMES,
            "                         (with --admin also at runtime: POST /_sim/behaviour?QUERY, /_sim/behaviour/reset)",
            "  --help                 print this help");

    static SimulatorArguments parse(String... args) {
        SimulatorSettings.Builder b = SimulatorSettings.builder().port(18080).liveClock();
        SimAccount d = SimulatorSettings.DEFAULT_ACCOUNT;
        String serviceAccount = d.serviceAccountId();
        String appId = d.appId();
        String token = d.token();
        FaultRates faults = FaultRates.NONE;
        DataSwitches data = DataSwitches.NONE;
        Map<String, String> behaviour = Map.of();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String flag = list.get(i);
            switch (flag) {
                case "--help", "-h" -> {
                    return new SimulatorArguments(null, true, Map.of());
                }
                case "--live" -> b.liveClock();
                case "--port" -> b.port(integer(flag, value(list, ++i, flag)));
                case "--seed" -> b.seed(longValue(flag, value(list, ++i, flag)));
                case "--history-days" -> b.historyDays(integer(flag, value(list, ++i, flag)));
                case "--per-day" -> b.volume(Volume.perDay(integer(flag, value(list, ++i, flag))));
                case "--fixed-clock" -> b.fixedClock(instant(flag, value(list, ++i, flag)));
                case "--rate-limit" -> b.rateLimitPerMinute(integer(flag, value(list, ++i, flag)));
                case "--service-account" -> serviceAccount = value(list, ++i, flag);
                case "--app-id" -> appId = value(list, ++i, flag);
                case "--token" -> token = value(list, ++i, flag);
                case "--threads" -> b.threads(integer(flag, value(list, ++i, flag)));
                case "--admin" -> b.admin(true);
                case "--latency-ms" -> faults = faults.withLatencyMs(FaultRates.parseLong(flag, value(list, ++i, flag)));
                case "--error-rate" -> faults = faults.withErrorRate(FaultRates.parseRate(flag, value(list, ++i, flag)));
                case "--malformed-rate" ->
                        faults = faults.withMalformedRate(FaultRates.parseRate(flag, value(list, ++i, flag)));
                case "--reset-rate" -> faults = faults.withResetRate(FaultRates.parseRate(flag, value(list, ++i, flag)));
                case "--long-call-share" ->
                        data = data.withLongCalls(FaultRates.parseRate(flag, value(list, ++i, flag)), data.longCallDuration());
                case "--long-call-minutes" -> data = data.withLongCalls(data.longCallShare(),
                        Duration.ofMinutes(FaultRates.parseLong(flag, value(list, ++i, flag))));
                case "--recording-delay-s" ->
                        data = data.withRecordingDelay(Duration.ofSeconds(FaultRates.parseLong(flag, value(list, ++i, flag))));
                case "--late-close-share" ->
                        data = data.withLateClose(FaultRates.parseRate(flag, value(list, ++i, flag)), data.lateCloseAfter());
                case "--late-close-hours" -> data = data.withLateClose(data.lateCloseShare(),
                        Duration.ofHours(FaultRates.parseLong(flag, value(list, ++i, flag))));
                case "--tie-group" -> data = data.withTies(integer(flag, value(list, ++i, flag)));
                case "--behaviour" -> behaviour = behaviour(value(list, ++i, flag));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        try {
            return new SimulatorArguments(b.account(new SimAccount(serviceAccount, appId, token)).faults(faults)
                    .data(data).build(), false, behaviour);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid option value: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> behaviour(String query) {
        Map<String, String> pairs = QueryValidator.decode(query);
        BehaviourParameters.apply(new Behaviour(), new Traps(), pairs);
        return Map.copyOf(pairs);
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got " + value);
        }
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got " + value);
        }
    }

    private static Instant instant(String flag, String value) {
        try {
            return Timestamps.parse(value).orElseThrow(() -> new DateTimeParseException("bad", value, 0));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " needs an RFC 3339 instant, got " + value);
        }
    }
}
