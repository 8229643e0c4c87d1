package io.kafkaconnect.cinnox.report;

import io.kafkaconnect.cinnox.client.model.CallDetail;
import io.kafkaconnect.cinnox.client.model.CallLogEntry;
import io.kafkaconnect.cinnox.client.model.CampaignRecipient;
import io.kafkaconnect.cinnox.client.model.CampaignSummary;
import io.kafkaconnect.cinnox.client.model.ChannelDetail;
import io.kafkaconnect.cinnox.client.model.ChannelType;
import io.kafkaconnect.cinnox.client.model.ChatMessage;
import io.kafkaconnect.cinnox.client.model.ConferenceDetail;
import io.kafkaconnect.cinnox.client.model.EnquiryDetail;
import io.kafkaconnect.cinnox.client.model.RecordingFile;
import io.kafkaconnect.cinnox.client.model.SmsDetail;
import io.kafkaconnect.cinnox.config.RecordingUrlMode;


import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The format of every report, for one connector configuration (only the recording URL mode varies).
 * Formats are stateless and thread-safe; build one registry per task.
 */
public final class ReportFormats {

    private final EnquiryDetailFormat enquiryDetail = new EnquiryDetailFormat();
    private final EnquiryChatFormat enquiryChat = new EnquiryChatFormat();
    private final CallDetailFormat callDetail = new CallDetailFormat();
    private final CallLogFormat callLog = new CallLogFormat();
    private final ConferenceDetailFormat conferenceDetail = new ConferenceDetailFormat();
    private final RecordingFileFormat recordingFile;
    private final SmsDetailFormat smsDetail = new SmsDetailFormat();
    private final EnquiryOverviewFormat enquiryOverview = new EnquiryOverviewFormat();
    private final ChannelTypeFormat channelType = new ChannelTypeFormat();
    private final ChannelTypeDetailFormat channelTypeDetail = new ChannelTypeDetailFormat();
    private final SentCampaignsSummaryFormat sentCampaignsSummary = new SentCampaignsSummaryFormat();
    private final SentCampaignsDetailFormat sentCampaignsDetail = new SentCampaignsDetailFormat();
    private final Map<Report, ReportFormat<?>> byReport = new EnumMap<>(Report.class);

    private ReportFormats(RecordingUrlMode recordingUrlMode) {
        recordingFile = new RecordingFileFormat(recordingUrlMode);
        for (ReportFormat<?> format : new ReportFormat<?>[] {enquiryDetail, enquiryChat, callDetail, callLog,
                conferenceDetail, recordingFile, smsDetail, enquiryOverview, channelType, channelTypeDetail,
                sentCampaignsSummary, sentCampaignsDetail}) {
            byReport.put(format.report(), format);
        }
    }

    /** The formats with recording URLs written as {@code recordingUrlMode} says. */
    public static ReportFormats create(RecordingUrlMode recordingUrlMode) {
        return new ReportFormats(Objects.requireNonNull(recordingUrlMode, "recordingUrlMode"));
    }

    public ReportFormat<?> of(Report report) {
        return byReport.get(report);
    }

    /**
     * The format of {@code report}, typed by its model.
     *
     * @throws IllegalArgumentException when {@code modelType} is not the report's model
     */
    @SuppressWarnings("unchecked")
    public <T> ReportFormat<T> of(Report report, Class<T> modelType) {
        ReportFormat<?> format = of(report);
        if (format.modelType() != modelType) {
            throw new IllegalArgumentException(report + " records are " + format.modelType().getSimpleName()
                    + ", not " + modelType.getSimpleName());
        }
        return (ReportFormat<T>) format;
    }

    public ReportFormat<EnquiryDetail> enquiryDetail() {
        return enquiryDetail;
    }

    public ReportFormat<ChatMessage> enquiryChat() {
        return enquiryChat;
    }

    public ReportFormat<CallDetail> callDetail() {
        return callDetail;
    }

    public ReportFormat<CallLogEntry> callLog() {
        return callLog;
    }

    public ReportFormat<ConferenceDetail> conferenceDetail() {
        return conferenceDetail;
    }

    public ReportFormat<RecordingFile> recordingFile() {
        return recordingFile;
    }

    public ReportFormat<SmsDetail> smsDetail() {
        return smsDetail;
    }

    /** Keyed by day: see {@link DailyOverview}. */
    public ReportFormat<DailyOverview> enquiryOverview() {
        return enquiryOverview;
    }

    public ReportFormat<ChannelType> channelType() {
        return channelType;
    }

    public ReportFormat<ChannelDetail> channelTypeDetail() {
        return channelTypeDetail;
    }

    public ReportFormat<CampaignSummary> sentCampaignsSummary() {
        return sentCampaignsSummary;
    }

    public ReportFormat<CampaignRecipient> sentCampaignsDetail() {
        return sentCampaignsDetail;
    }
}
