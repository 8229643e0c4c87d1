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
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed access to the CINNOX Open API report endpoints: one method per endpoint, one HTTP request per
 * call, no retries and no sleeping (the caller owns both). Failures arrive as {@link CinnoxApiException}
 * subclasses; "No records found" is an empty last page. Thread-safe.
 */
public final class CinnoxClient implements CinnoxApi {

    private static final Logger LOG = LoggerFactory.getLogger(CinnoxClient.class);

    private final ClientSettings settings;
    private final HttpUrl appUrl;
    private final EnvelopeReader envelopes;
    private final HttpExchange exchange;

    /** Uses the process-wide HTTP client (shared connection pool and dispatcher) with these settings' timeouts. */
    public CinnoxClient(ClientSettings settings) {
        this(settings, SharedHttpClient.forSettings(Objects.requireNonNull(settings, "settings")));
    }

    /** With a given OkHttp client, e.g. one whose interceptor answers in memory (the fuzz test). */
    CinnoxClient(ClientSettings settings, OkHttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.appUrl = appUrl(settings);
        this.envelopes = new EnvelopeReader(EnvelopeReader.defaultMapper());
        ResponseClassifier classifier = new ResponseClassifier(settings.clock(), settings.appToken());
        this.exchange = new HttpExchange(http, settings.appToken(), classifier, envelopes);
    }

    public ClientSettings settings() {
        return settings;
    }

    /** The first page with the configured page size. */
    public PageRequest firstPage() {
        return PageRequest.first(settings.pageSize());
    }

    @Override
    public Page<EnquiryDetail> enquiryDetails(TimeWindow window, PageRequest page) {
        return windowedPage(ApiEndpoint.report("enquiry-detail"), window, page, EnquiryDetail.class);
    }

    @Override
    public Page<ChatMessage> enquiryChat(String enquiryId, PageRequest page) {
        return page(ApiEndpoint.report("enquiry-chat"), Map.of("enquiryID", requireText(enquiryId, "enquiryId")), page,
                ChatMessage.class);
    }

    @Override
    public Page<CallDetail> callDetails(TimeWindow window, PageRequest page) {
        return windowedPage(ApiEndpoint.report("call-detail"), window, page, CallDetail.class);
    }

    @Override
    public Page<CallLogEntry> callLogs(TimeWindow window, PageRequest page) {
        return windowedPage(ApiEndpoint.report("call-log"), window, page, CallLogEntry.class);
    }

    @Override
    public Page<ConferenceDetail> conferenceDetails(TimeWindow window, PageRequest page) {
        return windowedPage(ApiEndpoint.report("conference-detail"), window, page, ConferenceDetail.class);
    }

    @Override
    public List<RecordingFile> recordingFiles(RecordingOwner owner) {
        Objects.requireNonNull(owner, "owner");
        return list(ApiEndpoint.report("recording-file"), Map.of(owner.kind().queryParameter(), owner.id()), RecordingFile.class);
    }

    @Override
    public Page<SmsDetail> smsDetails(TimeWindow window, PageRequest page) {
        return windowedPage(ApiEndpoint.report("sms-detail"), window, page, SmsDetail.class);
    }

    @Override
    public EnquiryOverview enquiryOverview(TimeWindow window) {
        ApiEndpoint endpoint = ApiEndpoint.report("enquiry-overview");
        HttpExchange.Result<EnquiryOverview> result = exchange.get(endpoint, url(endpoint, windowQuery(window)),
                in -> envelopes.readObject(in, EnquiryOverview.class));
        if (result.noRecords() || result.payload() == null) {
            return EnquiryOverview.empty(window.startParam(), window.endParam());
        }
        return result.payload();
    }

    @Override
    public List<ChannelType> channelTypes() {
        return list(ApiEndpoint.report("channel-type-list"), Map.of(), ChannelType.class);
    }

    @Override
    public Page<ChannelDetail> channelTypeDetails(String channelType, PageRequest page) {
        return page(ApiEndpoint.report("channel-type-detail"), Map.of("channelType", requireText(channelType, "channelType")),
                page, ChannelDetail.class);
    }

    @Override
    public Page<CampaignSummary> sentCampaignsSummary(TimeWindow window, PageRequest page) {
        return windowedPage(ApiEndpoint.report("sent-campaigns-summary"), window, page, CampaignSummary.class);
    }

    @Override
    public Page<CampaignRecipient> sentCampaignsDetails(String historyId, PageRequest page) {
        return page(ApiEndpoint.report("sent-campaigns-detail"), Map.of("historyID", requireText(historyId, "historyId")),
                page, CampaignRecipient.class);
    }

    @Override
    public EventSubscription updateEnquiryEventSubscription(boolean enabled, String url) {
        ApiEndpoint endpoint = ApiEndpoint.INQUIRY_EVENT_SUBSCRIPTION;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("url", requireText(url, "url"));
        HttpExchange.Result<EventSubscription> result = exchange.patchJson(endpoint, url(endpoint, Map.of()), body,
                in -> envelopes.readObject(in, EventSubscription.class));
        if (result.payload() == null) {
            // Nothing echoed (e.g. a bare {"code":0}): report what was asked for, without an update time.
            return new EventSubscription(enabled, url, null, null);
        }
        return result.payload();
    }

    private <T> Page<T> windowedPage(ApiEndpoint endpoint, TimeWindow window, PageRequest page, Class<T> type) {
        Page<T> result = page(endpoint, windowQuery(window), page, type);
        LOG.debug("{} window {} offset {}: {} records", endpoint.path(), window, page.offset(), result.size());
        return result;
    }

    private <T> Page<T> page(ApiEndpoint endpoint, Map<String, String> query, PageRequest page, Class<T> type) {
        Objects.requireNonNull(page, "page");
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put("offset", Integer.toString(page.offset()));
        params.put("limit", Integer.toString(page.limit()));
        HttpExchange.Result<RecordArray<T>> result = exchange.get(endpoint, url(endpoint, params),
                in -> envelopes.readList(in, type));
        if (result.noRecords()) {
            return Page.noRecords(page);
        }
        return Page.of(result.payload().records(), result.payload().nulls(), page);
    }

    private <T> List<T> list(ApiEndpoint endpoint, Map<String, String> query, Class<T> type) {
        HttpExchange.Result<RecordArray<T>> result = exchange.get(endpoint, url(endpoint, query),
                in -> envelopes.readList(in, type));
        return result.noRecords() ? List.of() : result.payload().records();
    }

    private static Map<String, String> windowQuery(TimeWindow window) {
        Objects.requireNonNull(window, "window");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startAt", window.startParam());
        query.put("endAt", window.endParam());
        return query;
    }

    private HttpUrl url(ApiEndpoint endpoint, Map<String, String> query) {
        HttpUrl.Builder builder = appUrl.newBuilder().addPathSegments(endpoint.path());
        query.forEach(builder::addQueryParameter);
        return builder.build();
    }

    private static HttpUrl appUrl(ClientSettings settings) {
        HttpUrl base = HttpUrl.parse(settings.baseUrl());
        if (base == null) {
            throw new IllegalArgumentException("baseUrl is not a valid http(s) URL");
        }
        return base.newBuilder().addPathSegments("v1/api/apps").addPathSegment(settings.appId()).build();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    @Override
    public void close() {
        exchange.close();
    }
}
