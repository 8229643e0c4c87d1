package io.kafkaconnect.cinnox.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * Start-up settings of a {@link CinnoxSimulator}: data seed and volume, history length, clock, rate limit, port and the
 * default App. Runtime switches live in {@link Behaviour} and {@link Faults}.
 *
 * @param fixedClock the instant a fixed sim clock starts at, or null for the live wall clock
 * @param admin whether the {@code /_sim/} admin routes are served
 * @param faults the latency and random fault rates in force from the start
 * @param data switches that change the generated data (late rows, late recordings, late closes, ties)
 */
public record SimulatorSettings(long seed, int historyDays, Volume volume, Instant fixedClock, int rateLimitPerMinute,
                                int port, int threads, SimAccount account, boolean admin, FaultRates faults,
                                DataSwitches data) {

    public static final SimAccount DEFAULT_ACCOUNT = new SimAccount("acme-hk.cinnox.com", "app-acme", "token-acme");

    public SimulatorSettings {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(data, "data");
        if (historyDays < 0 || rateLimitPerMinute <= 0 || port < 0 || port > 65_535 || threads <= 0) {
            throw new IllegalArgumentException("invalid simulator settings");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction with the SPEC defaults: seed 42, 30 days of 500 records a day, live clock, 500 req/min. */
    public static final class Builder {
        private long seed = 42;
        private int historyDays = 30;
        private Volume volume = Volume.perDay(500);
        private Instant fixedClock;
        private int rateLimitPerMinute = 500;
        private int port;
        private int threads = 8;
        private SimAccount account = DEFAULT_ACCOUNT;
        private boolean admin;
        private FaultRates faults = FaultRates.NONE;
        private DataSwitches data = DataSwitches.NONE;

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** Data exists from the start day minus this many days on (and for every later day). */
        public Builder historyDays(int value) {
            historyDays = value;
            return this;
        }

        public Builder volume(Volume value) {
            volume = value;
            return this;
        }

        /** A sim clock that stands still at {@code start} until a test sets or advances it. */
        public Builder fixedClock(Instant start) {
            fixedClock = start;
            return this;
        }

        public Builder liveClock() {
            fixedClock = null;
            return this;
        }

        public Builder rateLimitPerMinute(int value) {
            rateLimitPerMinute = value;
            return this;
        }

        /** TCP port on 127.0.0.1; 0 (default) picks an ephemeral port. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder account(SimAccount value) {
            account = value;
            return this;
        }

        /** Serves the {@code /_sim/} admin routes (faults, token, request counts) beside the API. */
        public Builder admin(boolean value) {
            admin = value;
            return this;
        }

        /** Latency and random fault rates from the start; change them at runtime with {@code faults().rates(...)}. */
        public Builder faults(FaultRates value) {
            faults = value;
            return this;
        }

        /** Switches that change the generated data; see {@link DataSwitches}. */
        public Builder data(DataSwitches value) {
            data = value;
            return this;
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(seed, historyDays, volume, fixedClock, rateLimitPerMinute, port, threads, account,
                    admin, faults, data);
        }
    }
}
