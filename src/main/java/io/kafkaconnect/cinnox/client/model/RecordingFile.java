package io.kafkaconnect.cinnox.client.model;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/**
 * One file of Get Recording File Details ({@code data/recording-file}). {@code fileURL} is a
 * time-limited download secret: {@code toString()} leaves it (and unknown fields) out.
 */
public record RecordingFile(
        String id,
        String type,
        String callID,
        String conferenceID,
        String fileName,
        String fileURL,
        String expiredAt,
        Long duration,
        Long fileSize,
        String createdAt,
        @JsonAnySetter Map<String, Object> extra) {

    public RecordingFile {
        extra = ExtraFields.of(extra);
    }

    @Override
    public String toString() {
        return "RecordingFile[id=" + id + ", type=" + type + ", callID=" + callID + ", conferenceID=" + conferenceID
                + ", fileName=" + fileName + ", fileURL=" + (fileURL == null ? "null" : "[hidden]")
                + ", expiredAt=" + expiredAt + ", duration=" + duration + ", fileSize=" + fileSize
                + ", createdAt=" + createdAt + ", extra=" + extra.keySet() + "]";
    }
}
