package io.kafkaconnect.cinnox.simulator;

/** One App of a CINNOX service account: the credential pair a client uses plus the account that owns the rate budget. */
public record SimAccount(String serviceAccountId, String appId, String token) {
}
