/**
 * Several CINNOX requests in flight for one task, each under the account's rate budget: steps of different
 * units at once, and child pages of one unit fetched ahead but applied in cursor order, so every offset stays a
 * resume point.
 */
package io.kafkaconnect.cinnox.inflight;
