package com.storemetrics;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's, bundled, no network) on the page a browser shows now, with the WCAG 2.0, 2.1
 * and 2.2 A and AA rules. A finding counts when it is serious or critical and not listed, by rule
 * and selector, in the reviewed exclusion file {@code accessibility/exclusions.txt} (findings inside
 * Vaadin's components that our code cannot fix). Every audit also writes what it found, excluded
 * findings and minor ones included, to {@code target/accessibility/NAME.txt}.
 */
public final class Accessibility {

    static final List<String> WCAG_A_AND_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    static final Set<String> COUNTED_IMPACTS = Set.of("serious", "critical");

    /** One element a rule fails on. */
    public record Finding(String rule, String impact, String selector, String help, String detail) {
        @Override
        public String toString() {
            return impact + " " + rule + " at " + selector + ": " + help;
        }
    }

    /** A reviewed finding that may stay: rule and selector exactly, and why. */
    record Exclusion(String rule, String selector, String reason) {
        boolean covers(Finding finding) {
            return rule.equals(finding.rule()) && selector.equals(finding.selector());
        }
    }

    private static final List<Exclusion> EXCLUSIONS = readExclusions();

    private Accessibility() {}

    /**
     * The serious and critical findings on the page {@code browser} shows, outside the reviewed
     * exclusions. {@code name} names the page and state in the written report.
     */
    public static List<Finding> audit(WebDriver browser, String name) {
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(browser);
        if (results.isErrored()) {
            throw new IllegalStateException("axe could not run on " + name + ": " + results.getErrorMessage());
        }
        List<Finding> all = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                all.add(new Finding(rule.getId(), impact, selector(node), rule.getHelp(), node.getFailureSummary()));
            }
        }
        List<Finding> counted = all.stream()
                .filter(finding -> COUNTED_IMPACTS.contains(finding.impact()))
                .filter(finding -> EXCLUSIONS.stream().noneMatch(exclusion -> exclusion.covers(finding)))
                .toList();
        write(name, all, counted);
        return counted;
    }

    private static String selector(CheckedNode node) {
        Object target = node.getTarget();
        return target instanceof List<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining(" >>> "))
                : String.valueOf(target);
    }

    private static void write(String name, List<Finding> all, List<Finding> counted) {
        Path report = Path.of("target", "accessibility", name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".txt");
        StringBuilder text = new StringBuilder("axe " + WCAG_A_AND_AA + " on " + name + "\n");
        text.append("counted (serious or critical, not excluded): ")
                .append(counted.size())
                .append('\n');
        all.forEach(finding -> text.append(counted.contains(finding) ? "COUNTED  " : "listed   ")
                .append(finding)
                .append("\n         ")
                .append(String.valueOf(finding.detail()).replace("\n", "\n         "))
                .append('\n'));
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static List<Exclusion> readExclusions() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/accessibility/exclusions.txt")) {
            if (in == null) {
                return List.of();
            }
            List<Exclusion> exclusions = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                if (parts.length != 3 || parts[2].isBlank()) {
                    throw new IllegalStateException("An exclusion is rule | selector | reason: " + line);
                }
                exclusions.add(new Exclusion(parts[0].trim(), parts[1].trim(), parts[2].trim()));
            }
            return exclusions;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
