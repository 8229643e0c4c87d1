package io.kafkaconnect.cinnox.simulator;

import java.util.concurrent.CountDownLatch;

/** Runs the simulator from the command line until SIGTERM / Ctrl-C, printing its base URL and credentials. */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorArguments parsed;
        try {
            parsed = SimulatorArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SimulatorArguments.USAGE);
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println(SimulatorArguments.USAGE);
            return;
        }
        SimulatorSettings s = parsed.settings();
        CinnoxSimulator sim = CinnoxSimulator.start(s);
        BehaviourParameters.apply(sim.behaviour(), sim.traps(), parsed.behaviour());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            System.out.println("CINNOX simulator stopped");
            stopped.countDown();
        }, "cinnox-sim-shutdown"));
        SimAccount a = sim.defaultAccount();
        System.out.println("CINNOX simulator listening");
        System.out.println("  base URL        " + sim.baseUrl());
        System.out.println("  app ID          " + a.appId());
        System.out.println("  app token       " + a.token());
        System.out.println("  service account " + a.serviceAccountId());
        System.out.println("  example         curl -H 'Authorization: Bearer " + a.token() + "' '" + sim.baseUrl()
                + "/v1/api/apps/" + a.appId() + "/data/channel-type-list'");
        System.out.println("  clock " + (sim.clock().isLive() ? "live" : "fixed at " + sim.clock().now())
                + ", seed " + s.seed() + ", history " + s.historyDays() + " days, volume " + s.volume()
                + ", rate limit " + s.rateLimitPerMinute() + "/min");
        sim.adminUrl().ifPresent(url -> System.out.println("  admin           " + url + " (faults, behaviour, token, requests)"));
        if (!s.faults().equals(FaultRates.NONE)) {
            System.out.println("  faults          " + s.faults());
        }
        if (!s.data().equals(DataSwitches.NONE)) {
            System.out.println("  data            " + s.data());
        }
        if (!parsed.behaviour().isEmpty()) {
            System.out.println("  behaviour       " + parsed.behaviour());
        }
        stopped.await();
    }
}
