package io.kafkaconnect.cinnox.source;

import org.apache.kafka.connect.errors.ConnectException;

/** CINNOX refused the App Token or the App: a task fails on it, and tells the connector's other tasks first. */
final class CredentialsRefused extends ConnectException {

    CredentialsRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
