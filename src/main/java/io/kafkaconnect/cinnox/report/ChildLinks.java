package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.ApiTimestamps;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.RecordingOwner;
import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The parent-child relations {@link Report} names: which parent records lead to child work, and its request. */
final class ChildLinks {

    static final ChildLink<EnquiryDetail, ChatMessage> CHAT_OF_CLOSED_ENQUIRY = new ChildLink<>("chat",
            "enquiry-chat", EnquiryDetail.class,
            e -> "closed".equalsIgnoreCase(e.status()) ? firstText(e.inquiry(), e.displayCaseNumber()) : Optional.empty(),
            false, (api, id, since, page) -> rows(api.enquiryChat(id, page)));

    static final ChildLink<CallDetail, RecordingFile> RECORDINGS_OF_CALL = new ChildLink<>("call", "recording-file",
            CallDetail.class, c -> Boolean.TRUE.equals(c.isRecording()) ? firstText(c.callID(), null) : Optional.empty(),
            false, (api, id, since, page) -> whole(api.recordingFiles(RecordingOwner.call(id))));

    static final ChildLink<ConferenceDetail, RecordingFile> RECORDINGS_OF_CONFERENCE = new ChildLink<>("conference",
            "recording-file", ConferenceDetail.class,
            c -> Boolean.FALSE.equals(c.extra().get("isRecording")) ? Optional.empty() : firstText(c.conferenceID(), null),
            false, (api, id, since, page) -> whole(api.recordingFiles(RecordingOwner.conference(id))));

    static final ChildLink<CampaignSummary, CampaignRecipient> RECIPIENTS_OF_CAMPAIGN = new ChildLink<>("campaign",
            "sent-campaigns-detail", CampaignSummary.class, c -> firstText(c.id(), null),
            true, (api, id, since, page) -> updatedSince(api.sentCampaignsDetails(id, page), since));

    private ChildLinks() {
    }

    private static <C> ChildLink.Rows<C> rows(Page<C> page) {
        return new ChildLink.Rows<>(page.records(), page.returnedCount(), page.isLast());
    }

    private static ChildLink.Rows<RecordingFile> whole(List<RecordingFile> files) {
        return new ChildLink.Rows<>(files, files.size(), true);
    }

    /** Campaign recipients updated after {@code sinceMs} (all when it is 0 or a row has no update time). */
    private static ChildLink.Rows<CampaignRecipient> updatedSince(Page<CampaignRecipient> page, long sinceMs) {
        List<CampaignRecipient> changed = page.records().stream().filter(recipient -> {
            Optional<Instant> updated = ApiTimestamps.parse(recipient.lastUpdatedDateTime());
            return sinceMs == 0 || updated.isEmpty() || updated.get().toEpochMilli() > sinceMs;
        }).toList();
        return new ChildLink.Rows<>(changed, page.returnedCount(), page.isLast());
    }

    private static Optional<String> firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return Optional.of(first);
        }
        return second != null && !second.isBlank() ? Optional.of(second) : Optional.empty();
    }
}
