package io.kafkaconnect.cinnox.simulator;

import java.time.Duration;

/**
 * The random faults in force, as the command line and the admin routes speak of them: a latency and three rates,
 * each a fraction of requests. Errors split evenly between 6451001 with HTTP 502 and an HTML 500; malformed bodies
 * between not-JSON and truncated JSON; resets are dropped connections.
 */
public record FaultRates(long latencyMs, double errorRate, double malformedRate, double resetRate) {

    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0);

    public FaultRates {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        for (double rate : new double[] {errorRate, malformedRate, resetRate}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("a fault rate must be within [0, 1]: " + rate);
            }
        }
        if (errorRate + malformedRate + resetRate > 1 + 1e-9) {
            throw new IllegalArgumentException("the fault rates add up to more than 1");
        }
    }

    public Duration latency() {
        return Duration.ofMillis(latencyMs);
    }

    public FaultRates withLatencyMs(long value) {
        return new FaultRates(value, errorRate, malformedRate, resetRate);
    }

    public FaultRates withErrorRate(double value) {
        return new FaultRates(latencyMs, value, malformedRate, resetRate);
    }

    public FaultRates withMalformedRate(double value) {
        return new FaultRates(latencyMs, errorRate, value, resetRate);
    }

    public FaultRates withResetRate(double value) {
        return new FaultRates(latencyMs, errorRate, malformedRate, value);
    }

    /** A rate named {@code name} from text, e.g. "0.1"; an error names the option. */
    static double parseRate(String name, String text) {
        try {
            double value = Double.parseDouble(text);
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be within [0, 1], got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number within [0, 1], got " + text);
        }
    }

    static long parseLong(String name, String text) {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got " + text);
        }
    }
}
