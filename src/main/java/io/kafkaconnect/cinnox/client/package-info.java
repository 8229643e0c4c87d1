/**
 * The CINNOX Open API client: {@link io.kafkaconnect.cinnox.client.CinnoxClient} performs one HTTP
 * request per call and maps every response to a typed page, object or
 * {@link io.kafkaconnect.cinnox.client.CinnoxApiException}; retries, backoff and the rate budget belong
 * to the caller.
 */
package io.kafkaconnect.cinnox.client;
