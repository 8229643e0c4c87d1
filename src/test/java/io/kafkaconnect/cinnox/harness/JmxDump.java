package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Every MBean of a worker read through its JMX port, as a monitoring agent would scrape it: each object name
 * and the value of each readable attribute as text, so the secrets search covers the metrics too.
 *
 * @param mbeans       MBeans read
 * @param values       attribute values read
 * @param unreadable   attributes whose value the MBean refused to give (counted, not searched)
 * @param pluginMBeans MBeans of the connector's own metrics (kafka.connect:type=plugins,...)
 * @param text         the names and values, one per line
 */
record JmxDump(int mbeans, int values, int unreadable, int pluginMBeans, String text) {

    /** Reads everything from 127.0.0.1:{@code port} within {@code timeoutSeconds}. */
    static JmxDump read(int port, int timeoutSeconds) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<JmxDump> dump = thread.submit(() -> readAll(port));
            return dump.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading JMX on port " + port + " failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("reading JMX on port " + port + " took over " + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            thread.shutdownNow();
        }
    }

    private static JmxDump readAll(int port) throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + ClusterLayout.HOST + ":" + port
                + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            StringBuilder text = new StringBuilder();
            int mbeans = 0;
            int plugin = 0;
            int[] valuesAndUnreadable = new int[2];
            for (ObjectName name : server.queryNames(null, null)) {
                text.append(name).append('\n');
                mbeans++;
                if ("kafka.connect".equals(name.getDomain()) && "plugins".equals(name.getKeyProperty("type"))) {
                    plugin++;
                }
                readAttributes(server, name, text, valuesAndUnreadable);
            }
            return new JmxDump(mbeans, valuesAndUnreadable[0], valuesAndUnreadable[1], plugin, text.toString());
        }
    }

    /** Appends "  attribute=value" for each readable attribute; counts values read and values refused. */
    private static void readAttributes(MBeanServerConnection server, ObjectName name, StringBuilder text,
            int[] counts) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
                if (info.isReadable()) {
                    names.add(info.getName());
                }
            }
        } catch (JMException gone) {
            return;
        }
        for (String attribute : names) {
            try {
                Object value = server.getAttribute(name, attribute);
                text.append("  ").append(attribute).append('=').append(render(value)).append('\n');
                counts[0]++;
            } catch (JMException | RuntimeException refused) {
                counts[1]++;
            }
        }
    }

    /** A value as text; arrays element by element (CompositeData and TabularData print their contents). */
    static String render(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(render(Array.get(value, i)));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }
}
