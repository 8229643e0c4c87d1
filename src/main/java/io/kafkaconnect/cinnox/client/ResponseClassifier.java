package io.kafkaconnect.cinnox.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where an HTTP status and a body {@code code} become a domain outcome. The body code
 * decides; the HTTP status only matters when the body carried no code.
 */
final class ResponseClassifier {

    static final int OK = 0;
    static final int OK_ALTERNATIVE = 200;
    static final int BAD_REQUEST = 400;
    static final int METHOD_NOT_FOUND = 6450001;
    static final int BAD_PARAMETER = 6451000;
    static final int SERVICE_FAILURE = 6451001;
    static final int TOO_MANY_REQUESTS = 6451010;
    static final int NO_RECORDS = 6451011;
    static final int CHAT_OVER_LIMIT = 6451013;
    static final int INVALID_TOKEN = 6452000;
    static final int INVALID_APP = 6452001;

    private static final Pattern MAX_QUERY_DAY =
            Pattern.compile("exceed(?:s|ed)? maximum query day\\D{0,8}(\\d{1,6})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAX_LIMIT = Pattern.compile("exceed(?:s|ed)? maximum limit", Pattern.CASE_INSENSITIVE);
    private static final int MAX_MESSAGE_LENGTH = 300;

    /** What a response that did not throw amounts to. */
    enum Outcome { SUCCESS, NO_RECORDS }

    private final Clock clock;
    private final String secret;

    ResponseClassifier(Clock clock, AppToken token) {
        this.clock = clock;
        this.secret = token.value();
    }

    /**
     * Classifies a response whose body was read (or could not be read: {@code body == null}).
     *
     * @param retryAfter the Retry-After header value, or null
     * @param malformed why the body could not be read, or null
     */
    Outcome classify(ApiEndpoint endpoint, int status, ResponseBody<?> body, String retryAfter, String malformed) {
        Integer code = body == null ? null : body.code();
        String message = body == null ? null : redact(body.message());
        if (code != null) {
            ApiFailure failure = new ApiFailure(endpoint, status, code, message, null);
            Outcome outcome = byCode(failure, retryAfter);
            return outcome == Outcome.SUCCESS ? requirePayload(failure, body) : outcome;
        }
        ApiFailure failure = new ApiFailure(endpoint, status, null, message, malformed);
        if (status >= 200 && status < 300) {
            if (malformed != null) {
                throw new RetriableApiException(failure);
            }
            return requirePayload(failure, body);
        }
        throw byStatus(failure, retryAfter);
    }

    /**
     * Only 6451011 or an empty records array mean "no records": a success answer without the payload
     * is an answer the client does not understand. A PATCH that carried a success code may echo nothing.
     */
    private static Outcome requirePayload(ApiFailure failure, ResponseBody<?> body) {
        if (body.payload() != null || ("PATCH".equals(failure.endpoint().method()) && failure.apiCode() != null)) {
            return Outcome.SUCCESS;
        }
        throw new UnexpectedAnswerException(withDetail(failure, "success answer without " + body.lacking()));
    }

    /** The outcome of an exchange that produced no HTTP response. */
    RetriableApiException noResponse(ApiEndpoint endpoint, String what, Exception cause) {
        return new RetriableApiException(new ApiFailure(endpoint, 0, null, null, what), cause);
    }

    /** A response whose body broke off (reset, truncated by length) while it was being read. */
    RetriableApiException brokenBody(ApiEndpoint endpoint, int status, String what, Exception cause) {
        return new RetriableApiException(new ApiFailure(endpoint, status, null, null, what), cause);
    }

    private Outcome byCode(ApiFailure failure, String retryAfter) {
        int code = failure.apiCode();
        switch (code) {
            case OK, OK_ALTERNATIVE:
                return Outcome.SUCCESS;
            case NO_RECORDS:
                return Outcome.NO_RECORDS;
            case SERVICE_FAILURE:
                throw new RetriableApiException(failure);
            case TOO_MANY_REQUESTS:
                throw new RateLimitedException(failure, retryAt(retryAfter));
            case CHAT_OVER_LIMIT:
                throw new ChatOverLimitException(failure);
            case BAD_PARAMETER:
                throw parameterError(failure);
            case INVALID_TOKEN:
                throw new FatalApiException(failure, FatalApiException.Reason.INVALID_TOKEN);
            case INVALID_APP:
                throw new FatalApiException(failure, FatalApiException.Reason.INVALID_APP);
            case METHOD_NOT_FOUND:
                throw new FatalApiException(failure, FatalApiException.Reason.METHOD_NOT_FOUND);
            case BAD_REQUEST:
                throw new FatalApiException(failure, FatalApiException.Reason.BAD_REQUEST);
            default:
                throw unknownCode(failure, retryAfter);
        }
    }

    private static CinnoxApiException parameterError(ApiFailure failure) {
        String message = failure.apiMessage() == null ? "" : failure.apiMessage();
        Matcher tooWide = MAX_QUERY_DAY.matcher(message);
        if (tooWide.find()) {
            String days = tooWide.group(1);
            return new WindowTooWideException(failure,
                    days == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(days)));
        }
        if (MAX_LIMIT.matcher(message).find()) {
            return new FatalApiException(failure, FatalApiException.Reason.PAGE_LIMIT_TOO_LARGE);
        }
        return new FatalApiException(failure, FatalApiException.Reason.BAD_PARAMETER);
    }

    /** Codes we do not know say nothing about transience, so an HTTP-level hint is still honoured. */
    private CinnoxApiException unknownCode(ApiFailure failure, String retryAfter) {
        int code = failure.apiCode();
        if (code == 429 || failure.httpStatus() == 429) {
            return new RateLimitedException(failure, retryAt(retryAfter));
        }
        if (isServerError(code) || isServerError(failure.httpStatus())) {
            return new RetriableApiException(failure);
        }
        return new FatalApiException(failure, FatalApiException.Reason.UNKNOWN);
    }

    private CinnoxApiException byStatus(ApiFailure failure, String retryAfter) {
        int status = failure.httpStatus();
        if (status == 429) {
            return new RateLimitedException(failure, retryAt(retryAfter));
        }
        if (status == 408 || isServerError(status)) {
            return new RetriableApiException(failure);
        }
        FatalApiException.Reason reason = switch (status) {
            case 400 -> FatalApiException.Reason.BAD_REQUEST;
            case 401 -> FatalApiException.Reason.INVALID_TOKEN;
            case 404 -> FatalApiException.Reason.METHOD_NOT_FOUND;
            default -> FatalApiException.Reason.UNKNOWN;
        };
        return new FatalApiException(failure, reason);
    }

    /** Retry-After (delta seconds or HTTP date) when usable, else the next minute boundary. */
    Instant retryAt(String retryAfter) {
        Instant now = clock.instant();
        Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        if (retryAfter == null || retryAfter.isBlank()) {
            return nextMinute;
        }
        String value = retryAfter.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? nextMinute : now.plusSeconds(Math.min(seconds, Duration.ofDays(1).toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return date.isBefore(now) ? now : date;
            } catch (DateTimeParseException notDate) {
                return nextMinute;
            }
        }
    }

    private String redact(String message) {
        if (message == null) {
            return null;
        }
        String clean = message.replace(secret, "[hidden]");
        return clean.length() > MAX_MESSAGE_LENGTH ? clean.substring(0, MAX_MESSAGE_LENGTH) + "..." : clean;
    }

    private static ApiFailure withDetail(ApiFailure failure, String detail) {
        return new ApiFailure(failure.endpoint(), failure.httpStatus(), failure.apiCode(), failure.apiMessage(), detail);
    }

    private static boolean isServerError(int status) {
        return status >= 500 && status < 600;
    }
}
