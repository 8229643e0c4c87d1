package io.kafkaconnect.cinnox.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario measured (figures in the order they were taken) and which promises it saw broken. */
final class ScenarioResult {

    private final String name;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    ScenarioResult(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    ScenarioResult figure(String label, Object value) {
        figures.put(label, String.valueOf(value));
        RunContext.log("%s: %s = %s", name, label, value);
        return this;
    }

    /** Records a broken promise unless {@code holds}. */
    ScenarioResult require(boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
            RunContext.log("%s: PROBLEM %s", name, problem);
        }
        return this;
    }

    ScenarioResult problem(String problem) {
        return require(false, problem);
    }

    boolean passed() {
        return problems.isEmpty();
    }

    Map<String, String> figures() {
        return figures;
    }

    List<String> problems() {
        return problems;
    }

    /** Markdown: a heading, the figures as a two-column table, and the problems. */
    String markdown() {
        StringBuilder md = new StringBuilder("### " + name + (passed() ? " (passed)" : " (FAILED)") + "\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|"))
                .append(" |\n"));
        problems.forEach(p -> md.append("\n- Problem: ").append(p));
        return md.append("\n").toString();
    }
}
