package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.offset.WindowCursor;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/** The records of one step of a windowed unit and the unit's cursor after it, for the poller to take on. */
record WindowStep(List<SourceRecord> records, WindowCursor after) {
}
