package io.kafkaconnect.cinnox.poll;

import io.kafkaconnect.cinnox.metrics.TaskStats;
import io.kafkaconnect.cinnox.client.CinnoxApi;
import io.kafkaconnect.cinnox.client.Page;
import io.kafkaconnect.cinnox.client.PageRequest;
import io.kafkaconnect.cinnox.client.RecordingOwner;
import io.kafkaconnect.cinnox.client.TimeWindow;
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
 * Counts every request a task sends (one per call, failed ones included) in its {@link TaskStats}; a step
 * that only moves a cursor sends none, so the task cannot count requests per step.
 */
public final class CountingApi implements CinnoxApi {

    private final CinnoxApi api;
    private final TaskStats stats;

    public CountingApi(CinnoxApi api, TaskStats stats) {
        this.api = api;
        this.stats = stats;
    }

    @Override
    public Page<EnquiryDetail> enquiryDetails(TimeWindow window, PageRequest page) {
        stats.requestSent();
        return api.enquiryDetails(window, page);
    }

    @Override
    public Page<ChatMessage> enquiryChat(String enquiryId, PageRequest page) {
        stats.requestSent();
        return api.enquiryChat(enquiryId, page);
    }

    @Override
    public Page<CallDetail> callDetails(TimeWindow window, PageRequest page) {
        stats.requestSent();
        return api.callDetails(window, page);
    }

    @Override
    public Page<CallLogEntry> callLogs(TimeWindow window, PageRequest page) {
        stats.requestSent();
        return api.callLogs(window, page);
    }

    @Override
    public Page<ConferenceDetail> conferenceDetails(TimeWindow window, PageRequest page) {
        stats.requestSent();
        return api.conferenceDetails(window, page);
    }

    @Override
    public List<RecordingFile> recordingFiles(RecordingOwner owner) {
        stats.requestSent();
        return api.recordingFiles(owner);
    }

    @Override
    public Page<SmsDetail> smsDetails(TimeWindow window, PageRequest page) {
        stats.requestSent();
        return api.smsDetails(window, page);
    }

    @Override
    public EnquiryOverview enquiryOverview(TimeWindow window) {
        stats.requestSent();
        return api.enquiryOverview(window);
    }

    @Override
    public List<ChannelType> channelTypes() {
        stats.requestSent();
        return api.channelTypes();
    }

    @Override
    public Page<ChannelDetail> channelTypeDetails(String channelType, PageRequest page) {
        stats.requestSent();
        return api.channelTypeDetails(channelType, page);
    }

    @Override
    public Page<CampaignSummary> sentCampaignsSummary(TimeWindow window, PageRequest page) {
        stats.requestSent();
        return api.sentCampaignsSummary(window, page);
    }

    @Override
    public Page<CampaignRecipient> sentCampaignsDetails(String historyId, PageRequest page) {
        stats.requestSent();
        return api.sentCampaignsDetails(historyId, page);
    }

    @Override
    public EventSubscription updateEnquiryEventSubscription(boolean enabled, String url) {
        stats.requestSent();
        return api.updateEnquiryEventSubscription(enabled, url);
    }

    @Override
    public void close() {
        api.close();
    }
}
