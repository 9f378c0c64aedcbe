package org.declass.feedback;

import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The server's confirmation step of a weighty action sent from a form (approve, release now, remove a redaction, a
 * mark that raises the banner): unless the form says {@value #FIELD}={@value #YES}, the action is not taken and this
 * page asks, with the form's fields carried along; the page's script asks the same in a dialog before the form is
 * sent, so that a browser with scripts sees this page only when the dialog was bypassed. The JSON API does not ask.
 */
public final class Confirmation {

    /** The form field that confirms. */
    public static final String FIELD = "confirm";
    public static final String YES = "yes";

    private Confirmation() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String title, String question, String action, List<Field> fields,
                                               String cancel);
    }

    public record Field(String name, String value) {
    }

    /** Whether the form confirmed. */
    public static boolean confirmed(String value) {
        return YES.equals(value);
    }

    /**
     * The page that asks: {@code question} (plain text), a button that posts {@code fields} again to
     * {@code action} with the confirmation, and a cancel link to {@code cancel}.
     */
    public static TemplateInstance ask(String title, String question, String action, Map<String, String> fields,
                                       String cancel) {
        List<Field> list = fields.entrySet().stream().filter(e -> e.getValue() != null && !e.getKey().equals(FIELD)
                && !e.getKey().equals("_csrf")).map(e -> new Field(e.getKey(), e.getValue())).toList();
        return Templates.confirm(title, question, action, list, cancel);
    }
}
