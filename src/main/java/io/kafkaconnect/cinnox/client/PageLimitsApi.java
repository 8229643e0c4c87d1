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
 * The API with every page's "last" decided by {@link PageLimits} instead of by the {@code limit} asked, so
 * that every reader of a paged report (main windows, re-scans, event re-reads, chats, campaign recipients,
 * channel details) asks on after a page CINNOX silently cut short. Requests go through unchanged.
 */
public final class PageLimitsApi implements CinnoxApi {

    private final CinnoxApi api;
    private final PageLimits limits;

    public PageLimitsApi(CinnoxApi api, PageLimits limits) {
        this.api = api;
        this.limits = limits;
    }

    public PageLimits limits() {
        return limits;
    }

    @Override
    public Page<EnquiryDetail> enquiryDetails(TimeWindow window, PageRequest page) {
        return judged("enquiry-detail", window, api.enquiryDetails(window, page));
    }

    @Override
    public Page<ChatMessage> enquiryChat(String enquiryId, PageRequest page) {
        return judged("enquiry-chat", enquiryId, api.enquiryChat(enquiryId, page));
    }

    @Override
    public Page<CallDetail> callDetails(TimeWindow window, PageRequest page) {
        return judged("call-detail", window, api.callDetails(window, page));
    }

    @Override
    public Page<CallLogEntry> callLogs(TimeWindow window, PageRequest page) {
        return judged("call-log", window, api.callLogs(window, page));
    }

    @Override
    public Page<ConferenceDetail> conferenceDetails(TimeWindow window, PageRequest page) {
        return judged("conference-detail", window, api.conferenceDetails(window, page));
    }

    @Override
    public List<RecordingFile> recordingFiles(RecordingOwner owner) {
        return api.recordingFiles(owner);
    }

    @Override
    public Page<SmsDetail> smsDetails(TimeWindow window, PageRequest page) {
        return judged("sms-detail", window, api.smsDetails(window, page));
    }

    @Override
    public EnquiryOverview enquiryOverview(TimeWindow window) {
        return api.enquiryOverview(window);
    }

    @Override
    public List<ChannelType> channelTypes() {
        return api.channelTypes();
    }

    @Override
    public Page<ChannelDetail> channelTypeDetails(String channelType, PageRequest page) {
        return judged("channel-type-detail", channelType, api.channelTypeDetails(channelType, page));
    }

    @Override
    public Page<CampaignSummary> sentCampaignsSummary(TimeWindow window, PageRequest page) {
        return judged("sent-campaigns-summary", window, api.sentCampaignsSummary(window, page));
    }

    @Override
    public Page<CampaignRecipient> sentCampaignsDetails(String historyId, PageRequest page) {
        return judged("sent-campaigns-detail", historyId, api.sentCampaignsDetails(historyId, page));
    }

    @Override
    public EventSubscription updateEnquiryEventSubscription(boolean enabled, String url) {
        return api.updateEnquiryEventSubscription(enabled, url);
    }

    @Override
    public void close() {
        api.close();
    }

    private <T> Page<T> judged(String endpoint, Object query, Page<T> page) {
        boolean last = limits.last(endpoint, String.valueOf(query), page.request(), page.returnedCount());
        return last == page.isLast() ? page : new Page<>(page.records(), page.nullCount(), page.request(), last);
    }
}
