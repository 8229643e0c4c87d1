package io.kafkaconnect.cinnox.client;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;
import io.kafkaconnect.cinnox.client.model.ChannelType;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryOverview;
import io.kafkaconnect.cinnox.client.model.EventSubscription;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.client.model.SmsDetail;

import java.util.List;

/**
 * The CINNOX report endpoints as typed calls, one HTTP request each. {@link CinnoxClient} is the real
 * implementation; task tests can supply an in-memory fake. Every method throws the
 * {@link CinnoxApiException} subclasses; "No records found" is an empty last page or an empty list.
 */
public interface CinnoxApi extends AutoCloseable {

    Page<EnquiryDetail> enquiryDetails(TimeWindow window, PageRequest page);

    /** The chat of one closed enquiry, by its {@code inquiry} value or {@code displayCaseNumber}. */
    Page<ChatMessage> enquiryChat(String enquiryId, PageRequest page);

    Page<CallDetail> callDetails(TimeWindow window, PageRequest page);

    Page<CallLogEntry> callLogs(TimeWindow window, PageRequest page);

    Page<ConferenceDetail> conferenceDetails(TimeWindow window, PageRequest page);

    /** All recording files of one call or conference; empty when there are none. */
    List<RecordingFile> recordingFiles(RecordingOwner owner);

    Page<SmsDetail> smsDetails(TimeWindow window, PageRequest page);

    /** Totals over the window (at most 90 days); zero counts when the API found nothing. */
    EnquiryOverview enquiryOverview(TimeWindow window);

    List<ChannelType> channelTypes();

    Page<ChannelDetail> channelTypeDetails(String channelType, PageRequest page);

    Page<CampaignSummary> sentCampaignsSummary(TimeWindow window, PageRequest page);

    /** Recipients of one sent campaign; {@code historyId} is the summary row's {@code id}. */
    Page<CampaignRecipient> sentCampaignsDetails(String historyId, PageRequest page);

    /**
     * Creates or edits ({@code enabled = true}) or deletes ({@code enabled = false}) the App's enquiry
     * webhook. The result's {@code enabled} is false when CINNOX could not verify the URL.
     */
    EventSubscription updateEnquiryEventSubscription(boolean enabled, String url);

    /** Cancels requests in flight (they fail as retriable) and every later one; for a stopping task. */
    @Override
    default void close() {
    }
}
