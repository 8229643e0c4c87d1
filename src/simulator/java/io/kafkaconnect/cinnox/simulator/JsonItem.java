package io.kafkaconnect.cinnox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Something that writes itself as one JSON value; rows are streamed this way instead of building a tree per request. */
@FunctionalInterface
interface JsonItem {

    void write(JsonGenerator g) throws IOException;
}
