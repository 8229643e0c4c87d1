package io.kafkaconnect.cinnox.source;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every event of a logger tree at TRACE while open, whatever the test configuration says, and
 * passes INFO and above on to the console as before. Closing restores the logger's configuration.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    /** One captured event: level, logger, formatted message and the text of its throwable, if any. */
    record Event(Level level, String logger, String text) {
    }

    private final String loggerName;
    private final LoggerContext context;
    private final LoggerConfig original;
    private final List<Event> events = new ArrayList<>();

    private LogCapture(String loggerName) {
        super("capture-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
        this.loggerName = loggerName;
        this.context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        this.original = config.getLoggers().get(loggerName);
        start();
        config.addAppender(this);
        LoggerConfig capturing = new LoggerConfig(loggerName, Level.TRACE, false);
        capturing.addAppender(this, Level.TRACE, null);
        config.getRootLogger().getAppenders().values()
                .forEach(console -> capturing.addAppender(console, Level.INFO, null));
        config.removeLogger(loggerName);
        config.addLogger(loggerName, capturing);
        context.updateLoggers();
    }

    static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    @Override
    public synchronized void append(LogEvent event) {
        String text = event.getMessage().getFormattedMessage();
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text = text + "\n" + trace;
        }
        events.add(new Event(event.getLevel(), event.getLoggerName(), text));
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Events at INFO, WARN, ERROR or FATAL. */
    List<Event> atInfoOrAbove() {
        return events().stream().filter(e -> e.level().isMoreSpecificThan(Level.INFO)).toList();
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.removeLogger(loggerName);
        if (original != null) {
            config.addLogger(loggerName, original);
        }
        context.updateLoggers();
        stop();
    }
}
