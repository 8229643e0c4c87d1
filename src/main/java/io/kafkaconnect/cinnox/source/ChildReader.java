package io.kafkaconnect.cinnox.source;

import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.RecordingOwner;
import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.source.records.ReportFormat;
import io.kafkaconnect.cinnox.source.records.ReportFormats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Child reports: which child work a parent record leads to (chat of a closed enquiry, recordings of a
 * recorded call or conference, recipients of a sent campaign), and reading one page of it.
 */
final class ChildReader {

    /** One page of child records, all of one report. */
    record ChildPage<T>(ReportFormat<T> format, List<T> records, int readCount, boolean last) {
    }

    private final CinnoxApi api;
    private final ReportFormats formats;
    private final int pageSize;
    private final boolean chats;
    private final boolean recordings;
    private final boolean recipients;

    ChildReader(CinnoxApi api, ReportFormats formats, int pageSize, Set<Report> enabled) {
        this.api = api;
        this.formats = formats;
        this.pageSize = pageSize;
        this.chats = enabled.contains(Report.ENQUIRY_CHAT);
        this.recordings = enabled.contains(Report.RECORDING_FILE);
        this.recipients = enabled.contains(Report.SENT_CAMPAIGNS_DETAIL);
    }

    /**
     * The child work of a parent record just emitted. {@code previousEmitMs} is when an earlier version
     * of the same record was emitted (0 when this is its first), so campaigns re-read only what changed.
     */
    Optional<ChildRef> childOf(Object parent, long previousEmitMs) {
        if (parent instanceof EnquiryDetail enquiry && chats && "closed".equalsIgnoreCase(enquiry.status())) {
            return Optional.ofNullable(firstText(enquiry.inquiry(), enquiry.displayCaseNumber())).map(ChildRef::chat);
        }
        if (parent instanceof CallDetail call && recordings && Boolean.TRUE.equals(call.isRecording())) {
            return Optional.ofNullable(firstText(call.callID(), null)).map(ChildRef::callRecordings);
        }
        if (parent instanceof ConferenceDetail conference && recordings
                && !Boolean.FALSE.equals(conference.extra().get("isRecording"))) {
            return Optional.ofNullable(firstText(conference.conferenceID(), null))
                    .map(ChildRef::conferenceRecordings);
        }
        if (parent instanceof CampaignSummary campaign && recipients) {
            return Optional.ofNullable(firstText(campaign.id(), null))
                    .map(id -> ChildRef.campaignRecipients(id, previousEmitMs));
        }
        return Optional.empty();
    }

    /** Reads the page of {@code child} at {@code offset}: one request. */
    ChildPage<?> read(ChildRef child, long offset) {
        PageRequest page = PageRequest.of(Math.toIntExact(offset), pageSize);
        return switch (child.kind()) {
            case CHAT -> paged(formats.enquiryChat(), api.enquiryChat(child.id(), page));
            case CALL_RECORDINGS -> whole(formats.recordingFile(), api.recordingFiles(RecordingOwner.call(child.id())));
            case CONFERENCE_RECORDINGS ->
                    whole(formats.recordingFile(), api.recordingFiles(RecordingOwner.conference(child.id())));
            case CAMPAIGN_RECIPIENTS -> updatedSince(api.sentCampaignsDetails(child.id(), page), child.sinceMs());
        };
    }

    private ChildPage<CampaignRecipient> updatedSince(Page<CampaignRecipient> page, long sinceMs) {
        List<CampaignRecipient> changed = new ArrayList<>();
        for (CampaignRecipient recipient : page.records()) {
            Optional<Instant> updated = ApiTimestamps.parse(recipient.lastUpdatedDateTime());
            if (sinceMs == 0 || updated.isEmpty() || updated.get().toEpochMilli() > sinceMs) {
                changed.add(recipient);
            }
        }
        return new ChildPage<>(formats.sentCampaignsDetail(), changed, page.returnedCount(), page.isLast());
    }

    private static <T> ChildPage<T> paged(ReportFormat<T> format, Page<T> page) {
        return new ChildPage<>(format, page.records(), page.returnedCount(), page.isLast());
    }

    private static ChildPage<RecordingFile> whole(ReportFormat<RecordingFile> format, List<RecordingFile> files) {
        return new ChildPage<>(format, files, files.size(), true);
    }

    private static String firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
