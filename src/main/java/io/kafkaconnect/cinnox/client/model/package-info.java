/**
 * Records of the CINNOX report payloads. Every field is nullable, timestamps stay raw strings (see
 * {@link io.kafkaconnect.cinnox.client.ApiTimestamps}), phone numbers are strings whether the API sends
 * JSON numbers or strings, and fields the API adds later are kept in {@code extra()}.
 */
package io.kafkaconnect.cinnox.client.model;
