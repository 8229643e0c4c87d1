package io.kafkaconnect.cinnox.client;

/**
 * 6451013 "Requested chat logs over the limit": the chat of this enquiry cannot be fetched as asked.
 * Not worth a hot retry; callers skip and report it.
 */
public class ChatOverLimitException extends CinnoxApiException {

    private static final long serialVersionUID = 1L;

    public ChatOverLimitException(ApiFailure failure) {
        super(failure, null);
    }
}
