package io.kafkaconnect.cinnox.simulator;

/** How an empty result is answered: 6451011 with HTTP 404 (default), 6451011 with HTTP 200, or a success with an empty array. */
public enum NoRecordsStyle {
    HTTP_404_CODE, HTTP_200_CODE, EMPTY_ARRAY
}
