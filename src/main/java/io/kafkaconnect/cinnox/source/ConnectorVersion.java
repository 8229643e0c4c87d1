package io.kafkaconnect.cinnox.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The connector's version, written into a resource by the build. */
final class ConnectorVersion {

    private static final String VERSION = load();

    private ConnectorVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ConnectorVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
