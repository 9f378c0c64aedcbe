package org.declass.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A form the server refused (400, 403, 404, 409), for the page that shows it again: which form, the refusal, the
 * input the user sent (kept in the form's fields) and, when a second tab was stale, what changed meanwhile. The
 * templates ask {@code inject:problem.at('mark', row.address)} for one form's {@link Attempt}, which is empty for
 * every other form. The message is the server's own (never cable text); the input is the user's own.
 */
@Named("problem")
@RequestScoped
public class FormProblem {

    private String form;
    private int status;
    private String message;
    private Map<String, String> input = Map.of();
    private String changed;
    private String reload;

    /** Records the refusal of {@code form} (e.g. "mark:5", "redact", "return") with the input it sent. */
    public void refused(String form, int status, String message, Map<String, String> input) {
        this.form = form;
        this.status = status;
        this.message = message;
        this.input = new LinkedHashMap<>(input);
        this.input.values().removeIf(v -> v == null);
    }

    /** Marks the refusal as a stale tab: {@code changed} says what changed, {@code reload} is the page to reload. */
    public void markStale(String changed, String reload) {
        this.changed = changed;
        this.reload = reload;
    }

    public boolean present() {
        return form != null;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public boolean stale() {
        return changed != null;
    }

    public String changed() {
        return changed;
    }

    public String reload() {
        return reload;
    }

    /** What the user typed (not the page's hidden fields), to show when the form itself is no longer offered. */
    public java.util.List<Map.Entry<String, String>> typed() {
        return input.entrySet().stream().filter(e -> TYPED.contains(e.getKey()) && !e.getValue().isBlank()).toList();
    }

    private static final java.util.Set<String> TYPED = java.util.Set.of("reason", "note", "override", "code",
            "codes", "controls", "until");

    /** The attempt of the form {@code kind}, for the portion {@code address} (or null for a form of the page). */
    public Attempt at(String kind, Object address) {
        String name = address == null ? kind : kind + ":" + address;
        return name.equals(form) ? new Attempt(true, message, input) : Attempt.NONE;
    }

    public Attempt at(String kind) {
        return at(kind, null);
    }

    /** One form's refused attempt, or {@link #NONE}: {@code value(name)} is the kept input, "" when none. */
    public record Attempt(boolean failed, String message, Map<String, String> input) {

        static final Attempt NONE = new Attempt(false, null, Map.of());

        public String value(String name) {
            return input.getOrDefault(name, "");
        }

        /** The kept input when this form failed, else the page's own value. */
        public Object keep(String name, Object fallback) {
            return failed && input.containsKey(name) ? input.get(name) : fallback;
        }
    }
}
