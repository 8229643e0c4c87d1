package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class RescanStateTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:02:00Z");
    private static final Span SPAN = new Span(NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1)));

    private static RescanState running() {
        return RescanState.NONE.allRanAt(NOW.minus(Duration.ofHours(2)))
                .started(RescanTier.HORIZON, SPAN, new Span(SPAN.start(), SPAN.start().plus(Duration.ofHours(6))), NOW)
                .withWindow(PassWindow.of(SPAN).pageRead(500, RowHashes.key("r499")).restarted().pageRead(500, -5L));
    }

    @Test
    void aPassRecordsItsStartAndWindow() {
        RescanState state = running();
        assertTrue(state.running());
        assertEquals(NOW, state.lastRuns().get(RescanTier.HORIZON));
        assertEquals(NOW.minus(Duration.ofHours(2)), state.lastRuns().get(RescanTier.RECENT));
        assertEquals(SPAN.end(), state.passEndAt());
        assertEquals(1, state.window().restarts());
        assertFalse(state.finished().running());
    }

    @Test
    void pageOffsetsAccountForTheOverlapRow() {
        PassWindow w = PassWindow.of(SPAN);
        assertEquals(0, w.requestOffset());
        w = w.pageRead(500, RowHashes.key("r499"));
        assertEquals(500, w.offset());
        assertEquals(499, w.requestOffset());
        w = w.pageRead(500, RowHashes.key("r998"));
        assertEquals(999, w.offset(), "the first row of the page was the previous last");
        assertEquals(w, w.pageRead(0, 7));
        PassWindow keyless = w.pageRead(3, 0);
        assertEquals(1001, keyless.requestOffset(), "no row to check: no overlap");
        assertTrue(w.restarted().mayRestart());
        assertFalse(w.restarted().restarted().mayRestart());
    }

    @Test
    void seedPassEndsTheSeed() {
        RescanState seed = RescanState.NONE.withSeedUntil(NOW.toEpochMilli());
        assertTrue(seed.seeding());
        assertFalse(seed.started(RescanTier.HORIZON, SPAN, SPAN, NOW).finished().seeding());
    }

    @Test
    void roundTripsThroughConnectJsonAndJackson() throws Exception {
        Map<String, Object> offset = new HashMap<>();
        offset.put("v", 1);
        RescanStateCodec.write(running(), offset);
        OffsetUtils.validateFormat(offset);
        assertEquals(running(), RescanStateCodec.read(offset));
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        @SuppressWarnings("unchecked")
        Map<String, Object> viaConnect = (Map<String, Object>) converter.toConnectData("o",
                converter.fromConnectData("o", null, offset)).value();
        assertEquals(running(), RescanStateCodec.read(viaConnect));
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> viaJackson = mapper.readValue(mapper.writeValueAsString(offset), new TypeReference<>() { });
        assertEquals(running(), RescanStateCodec.read(viaJackson));
        assertEquals(RescanState.NONE, RescanStateCodec.read(Map.of()));
    }

    @Test
    void refusesWrongTypes() {
        assertThrows(IllegalArgumentException.class, () -> RescanStateCodec.read(Map.of("passTier", "weekly")));
        assertThrows(IllegalArgumentException.class, () -> RescanStateCodec.read(Map.of("passEnd", "soon")));
        assertThrows(IllegalArgumentException.class, () -> RescanStateCodec.read(Map.of("passTier", 3)));
    }
}
