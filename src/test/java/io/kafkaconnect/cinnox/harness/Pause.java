package io.kafkaconnect.cinnox.harness;

/** Sleeps of the harness's bounded wait loops, turning an interrupt into an exception that ends the run. */
final class Pause {

    private Pause() {
    }

    static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
