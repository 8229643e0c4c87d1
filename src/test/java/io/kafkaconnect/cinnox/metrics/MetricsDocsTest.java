package io.kafkaconnect.cinnox.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsDocsTest {

    private static final Path DOCS = MetricsDocs.DEFAULT_PATH;

    @Test
    void committedReferenceMatchesTheMetrics() throws IOException {
        String generated = MetricsDocs.render();
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            fail(DOCS + " is stale; run: " + MetricsDocs.REGENERATE_COMMAND);
        }
    }

    @Test
    void everyMetricHasAUniqueNameAndAFullSentence() {
        Set<String> names = new HashSet<>();
        for (CinnoxMetric metric : CinnoxMetric.values()) {
            assertTrue(names.add(metric.scope() + "/" + metric.metricName()), metric + " is listed twice");
            assertTrue(metric.metricName().matches("[a-z]+(-[a-z]+)*"), metric + " is not kebab-case");
            assertTrue(metric.description().endsWith("."), metric + " description is not a full sentence");
            assertTrue(MetricsDocs.render().contains("| `" + metric.metricName() + "` |"), metric + " is not documented");
        }
    }

    @Test
    void mainWritesTheSameText(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("metrics.md");
        MetricsDocs.main(new String[] {target.toString()});
        assertEquals(MetricsDocs.render(), Files.readString(target));
    }
}
