package io.kafkaconnect.cinnox.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class BucketStateTest {

    private static BucketState busy() {
        Map<Long, Ledger.Mark> marks = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            marks.put(RowHashes.key("e" + i), new Ledger.Mark(RowHashes.version(i % 3 == 0 ? "open" : "closed"), i % 3 == 0));
        }
        return new BucketState(Ledger.EMPTY.with(marks), List.of("chat:e1", "campaign:c,2@17"), 0).childPageRead(100);
    }

    @Test
    void offsetIsVersionedFlatAndPrimitive() {
        Map<String, Object> offset = busy().toOffset();
        assertEquals(1, offset.get("v"));
        assertEquals("chat%3Ae1,campaign%3Ac%2C2%4017", offset.get("pending"));
        assertEquals(100L, offset.get("childOffset"));
        OffsetUtils.validateFormat(offset);
    }

    @Test
    void roundTripsInMemory() {
        assertEquals(busy(), BucketState.fromOffset(busy().toOffset()));
        assertEquals(BucketState.EMPTY, BucketState.fromOffset(null));
        assertEquals(BucketState.EMPTY, BucketState.fromOffset(Map.of()));
        assertEquals(BucketState.EMPTY, BucketState.fromOffset(BucketState.EMPTY.toOffset()));
    }

    @Test
    void roundTripsThroughConnectJsonWhereIntsBecomeLongs() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        byte[] json = converter.fromConnectData("offsets", null, busy().toOffset());
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) converter.toConnectData("offsets", json).value();
        assertInstanceOf(Long.class, stored.get("v"));
        assertEquals(busy(), BucketState.fromOffset(stored));
    }

    @Test
    void roundTripsThroughJacksonWhereLongsBecomeInts() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(busy().toOffset());
        Map<String, Object> stored = mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
        assertInstanceOf(Integer.class, stored.get("childOffset"));
        assertEquals(busy(), BucketState.fromOffset(stored));
    }

    @Test
    void sizeIsSixteenCharactersARowPlusAFewDozen() {
        BucketState state = busy();
        String json = new String(jsonBytes(state.toOffset()));
        int perRow = (((String) state.toOffset().get("final")).length() + ((String) state.toOffset().get("open")).length());
        assertEquals(50 * 16, perRow, "12 bytes a row, base64: 16 characters");
        assertTrue(json.length() < perRow + 120, json.length() + " bytes");
    }

    @Test
    void childWorkMovesAlong() {
        BucketState state = busy();
        assertEquals(List.of("campaign:c,2@17"), state.childFinished().pending());
        assertEquals(0, state.childFinished().childOffset());
        assertEquals(List.of("chat:e1", "campaign:c,2@17", "call:x"), state.withPending(List.of("call:x")).pending());
        assertThrows(IllegalStateException.class, () -> BucketState.EMPTY.childFinished());
    }

    @Test
    void malformedOffsetsAreRefusedWithAShortMessage() {
        Map<String, Object> offset = new HashMap<>(busy().toOffset());
        offset.put("v", 2L);
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class, () -> BucketState.fromOffset(offset));
        assertTrue(newer.getMessage().contains("format version 2"), newer.getMessage());
        assertTrue(newer.getMessage().contains("characters>"), "ledgers are abbreviated: " + newer.getMessage());
        Map<String, Object> torn = new HashMap<>(busy().toOffset());
        torn.put("final", "AAAA");
        assertThrows(IllegalArgumentException.class, () -> BucketState.fromOffset(torn));
        Map<String, Object> unknown = new HashMap<>(busy().toOffset());
        unknown.put("tracked", "");
        assertThrows(IllegalArgumentException.class, () -> BucketState.fromOffset(unknown));
        Map<String, Object> fraction = new HashMap<>(busy().toOffset());
        fraction.put("childOffset", 1.5);
        assertThrows(IllegalArgumentException.class, () -> BucketState.fromOffset(fraction));
    }

    private static byte[] jsonBytes(Map<String, Object> offset) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), false);
        return converter.fromConnectData("offsets", null, offset);
    }
}
