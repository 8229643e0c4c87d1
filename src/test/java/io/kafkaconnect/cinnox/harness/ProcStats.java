package io.kafkaconnect.cinnox.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a worker JVM costs, read from outside: CPU seconds (user + system) from {@code /proc/<pid>/stat}, and
 * the heap in use from {@code jstat -gc} (eden, survivors and old generation), and what is live: the heap in
 * use right after a full collection asked for with {@code jcmd <pid> GC.run}.
 */
final class ProcStats {

    /** Linux reports utime and stime in clock ticks of USER_HZ, 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Heap use in MB: everything in use, and the old generation. */
    record Heap(double usedMb, double oldMb) {
    }

    private ProcStats() {
    }

    /** CPU seconds the process used so far, or -1 if it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based, man proc)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * {@code jcmd <pid> GC.class_histogram}, which runs a full GC first and then counts what is live: its first
     * {@code lines} lines and its total.
     */
    static Histogram histogram(long pid, int lines) {
        Optional<String> out = run("jcmd", Long.toString(pid), "GC.class_histogram");
        if (out.isEmpty()) {
            return new Histogram("(no histogram)", -1);
        }
        List<String> all = out.get().lines().toList();
        String total = all.stream().filter(l -> l.startsWith("Total")).findFirst().orElse("");
        String[] parts = total.trim().split("\\s+");
        double liveMb = parts.length == 3 ? Long.parseLong(parts[2]) / 1024.0 / 1024.0 : -1;
        return new Histogram(String.join("\n", all.stream().limit(lines).toList()) + "\n" + total, liveMb);
    }

    /** The top of a class histogram, and the live heap it counted. */
    record Histogram(String text, double liveMb) {
    }

    private static Optional<String> run(String tool, String... args) {
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Heap> heap(long pid) {
        Optional<String> out = run("jstat", "-gc", Long.toString(pid));
        if (out.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = out.get().lines().filter(l -> !l.isBlank()).toList();
        try {
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[names.indexOf(column)]);
            }
            double old = Double.parseDouble(values[names.indexOf("OU")]);
            return Optional.of(new Heap(used / 1024, old / 1024));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
