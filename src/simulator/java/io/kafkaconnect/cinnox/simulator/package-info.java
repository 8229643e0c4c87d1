/**
 * A local, deterministic simulator of the CINNOX Open API report endpoints (see {@code SPEC.md}), for tests and demos.
 *
 * <p>From tests: {@code CinnoxSimulator.start(SimulatorSettings.builder().fixedClock(t).build())}, then use
 * {@code behaviour()}, {@code faults()}, {@code requests()} and {@code truth()}; data that arrives late (long calls,
 * late recordings, late closes, ties) is chosen at start with {@code SimulatorSettings.Builder.data(DataSwitches)}.
 * From the command line: {@code java -jar target/cinnox-simulator.jar --help}; with {@code --admin} another process
 * steers faults, paging switches and the token through {@code /_sim/} routes and reads the request counts there. Only the JDK and Jackson are used, and only 127.0.0.1 is bound.
 */
package io.kafkaconnect.cinnox.simulator;
