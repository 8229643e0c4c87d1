package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Samples the workers' CPU seconds and heap every {@code periodMs} on a thread of its own and appends them to a
 * CSV file (seconds since start, worker, CPU seconds, heap in use MB, old generation MB, live MB), for the
 * benchmark's "CPU per 1,000 records" and "heap over time"; every few samples a class histogram (a full GC,
 * then a count of what is live) gives the live heap, and its top lines go to histograms.txt.
 */
final class WorkerSampler implements AutoCloseable {

    /** One sample of one worker; {@code liveMb}: what a class histogram counted live, -1 when none was taken. */
    record Sample(double atSeconds, int worker, double cpuSeconds, double usedMb, double oldMb, double liveMb) {
    }

    private final ProcessCluster cluster;
    private final Path csv;
    private final Path histograms;
    private final long periodMs;
    private final int fullGcEvery;
    private int taken;
    private final long start = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param fullGcEvery every how many samples a full collection comes first (0: never) */
    WorkerSampler(ProcessCluster cluster, Path csv, long periodMs, int fullGcEvery) {
        this.cluster = cluster;
        this.csv = csv;
        this.histograms = csv.resolveSibling("histograms.txt");
        this.periodMs = periodMs;
        this.fullGcEvery = fullGcEvery;
        write("seconds,worker,cpu_seconds,heap_used_mb,old_gen_mb,live_mb\n", csv,
                StandardOpenOption.TRUNCATE_EXISTING);
        write("", histograms, StandardOpenOption.TRUNCATE_EXISTING);
        thread = new Thread(this::run, "harness-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            taken++;
            sample(fullGcEvery > 0 && taken % fullGcEvery == 0);
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes one sample of every live worker now and returns them. */
    List<Sample> sampleNow() {
        return sample(false);
    }

    private List<Sample> sample(boolean fullGc) {
        List<Sample> now = new ArrayList<>();
        for (int n : cluster.aliveWorkers()) {
            ManagedProcess w = cluster.worker(n);
            double live = -1;
            if (fullGc) {
                ProcStats.Histogram h = ProcStats.histogram(w.pid(), 16);
                live = h.liveMb();
                write(String.format("# %.1f s, worker %d%n%s%n", RunContext.seconds(start), n, h.text()), histograms);
            }
            Optional<ProcStats.Heap> heap = ProcStats.heap(w.pid());
            Sample s = new Sample(RunContext.seconds(start), n, ProcStats.cpuSeconds(w.pid()),
                    heap.map(ProcStats.Heap::usedMb).orElse(-1.0), heap.map(ProcStats.Heap::oldMb).orElse(-1.0),
                    live);
            now.add(s);
            write(String.format("%.1f,%d,%.2f,%.1f,%.1f,%.1f%n", s.atSeconds(), n, s.cpuSeconds(), s.usedMb(),
                    s.oldMb(), live), csv, StandardOpenOption.APPEND);
        }
        synchronized (this) {
            samples.addAll(now);
        }
        return now;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Total CPU seconds of the live workers now. */
    double cpuNow() {
        return sampleNow().stream().mapToDouble(Sample::cpuSeconds).sum();
    }

    private void write(String text, Path file) {
        write(text, file, StandardOpenOption.APPEND);
    }

    private synchronized void write(String text, Path file, StandardOpenOption mode) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
