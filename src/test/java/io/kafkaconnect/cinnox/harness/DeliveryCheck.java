package io.kafkaconnect.cinnox.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares what reached the topics with the ground truth: records lost (an expected key missing), duplicated
 * (one key with the same version written more than once; every extra copy counts), stale (the last version
 * written is not the one the simulator holds), and records of keys outside the expected span.
 */
final class DeliveryCheck {

    /** The comparison for one report. */
    record ReportResult(String report, int expected, int delivered, int lost, int duplicated, int stale,
            int outside, List<String> lostExamples) {
    }

    /** The comparison for every report, with totals. */
    record Result(Map<String, ReportResult> reports) {

        int expected() {
            return sum(ReportResult::expected);
        }

        int lost() {
            return sum(ReportResult::lost);
        }

        int duplicated() {
            return sum(ReportResult::duplicated);
        }

        int stale() {
            return sum(ReportResult::stale);
        }

        int outside() {
            return sum(ReportResult::outside);
        }

        private int sum(java.util.function.ToIntFunction<ReportResult> f) {
            return reports.values().stream().mapToInt(f).sum();
        }

        /** One line per report with anything other than a clean delivery, and the totals. */
        String describe() {
            StringBuilder text = new StringBuilder(String.format(
                    "expected %d, lost %d, duplicated %d, stale %d, outside the span %d", expected(), lost(),
                    duplicated(), stale(), outside()));
            reports.values().stream().filter(r -> r.lost() + r.duplicated() + r.stale() > 0).forEach(r ->
                    text.append(String.format("%n    %s: expected %d, lost %d %s, duplicated %d, stale %d",
                            r.report(), r.expected(), r.lost(), r.lostExamples(), r.duplicated(), r.stale())));
            return text.toString();
        }
    }

    private DeliveryCheck() {
    }

    static Result compare(Expected expected, Map<String, Map<String, List<String>>> seen) {
        Map<String, ReportResult> results = new TreeMap<>();
        expected.versions().forEach((report, keys) -> results.put(report,
                compare(report, keys, seen.getOrDefault(report, Map.of()))));
        return new Result(results);
    }

    private static ReportResult compare(String report, Map<String, String> expected,
            Map<String, List<String>> seen) {
        int delivered = 0;
        int stale = 0;
        List<String> lost = expected.keySet().stream().filter(k -> !seen.containsKey(k)).sorted()
                .collect(Collectors.toList());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<String> versions = seen.get(e.getKey());
            if (versions != null) {
                delivered++;
                if (!versions.get(versions.size() - 1).equals(e.getValue())) {
                    stale++;
                }
            }
        }
        int duplicated = 0;
        int outside = 0;
        for (Map.Entry<String, List<String>> e : seen.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                outside += e.getValue().size();
                continue;
            }
            Map<String, Integer> perVersion = new HashMap<>();
            e.getValue().forEach(v -> perVersion.merge(v, 1, Integer::sum));
            duplicated += perVersion.values().stream().mapToInt(c -> c - 1).sum();
        }
        return new ReportResult(report, expected.size(), delivered, lost.size(), duplicated, stale, outside,
                lost.stream().limit(3).toList());
    }
}
