package io.kafkaconnect.cinnox.client;

/**
 * A success answer in a shape the client does not know, for example {@code {"code":0}} where a records
 * array was due. Never read as "no records": it is retried like any transient failure, and its message
 * names the endpoint and the keys the body had, so that a changed API shows in the log.
 */
public class UnexpectedAnswerException extends RetriableApiException {

    private static final long serialVersionUID = 1L;

    public UnexpectedAnswerException(ApiFailure failure) {
        super(failure);
    }
}
