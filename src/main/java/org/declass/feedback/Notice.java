package org.declass.feedback;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One message after an action: a kind and its arguments (cable references, paragraph addresses, markings, codes:
 * the user's own action echoed back, never cable text). The text is fixed per kind; an argument is only ever shown
 * as text (escaped by the template) and the one link a kind has points to a path built from a number.
 */
public record Notice(Kind kind, List<String> args) {

    /** What may stand in an argument: letters, digits and the punctuation of references, markings and codes. */
    private static final Pattern SAFE = Pattern.compile("[^\\p{L}\\p{N} ./,;:()\\[\\]#_\\-→'’]");

    public Notice {
        args = args.stream().map(Notice::clean).toList();
    }

    public static Notice of(Kind kind, Object... args) {
        return new Notice(kind, java.util.Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toList());
    }

    static String clean(String arg) {
        String s = arg == null ? "" : SAFE.matcher(arg).replaceAll("");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The message kinds, each with its fixed text; {n} is the n-th argument. */
    public enum Kind {
        UPLOADED("Uploaded: cable {0} was received and parsed."),
        DUPLICATE("Nothing new was stored: your upload is a duplicate of "),
        CLAIMED("You claimed {0}; it is yours to review."),
        MARKED("Paragraph {1} marked {2}."),
        MARKED_BANNER("Paragraph {1} marked {2}; banner raised {3} → {4}."),
        DECIDED("Paragraph {1}: {2}."),
        REDACTED("Redacted in paragraph {1} under {2}."),
        UNREDACTED("Redaction removed from {0}."),
        SUGGESTION_ACCEPTED("Suggestion accepted: redacted in paragraph {1}."),
        SUGGESTION_REJECTED("Suggestion rejected; it will not be offered again."),
        SUBMITTED("{0} submitted for approval."),
        APPROVED("{0} approved; it is released on its declassification date."),
        RETURNED("{0} returned to the reviewer."),
        HELD("{0} put on hold under {1}."),
        UNHELD("Hold lifted from {0}."),
        RELEASED("{0} released: the public version is in the reading room."),
        EVENT_RECORDED("Event recorded for {0}."),
        FIXED("Fixed {1} on {0}."),
        ADOPTED("Adopted the decisions of {1} on {0}."),
        /** A refusal of a form whose page cannot be shown again here: the server's own message. */
        NOT_DONE("Not done: {0}");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /** The message's text (for DUPLICATE, the text before the link). */
    public String text() {
        String out = kind.text;
        for (int i = 0; i < args.size(); i++) {
            out = out.replace("{" + i + "}", args.get(i));
        }
        return out.replaceAll("\\{\\d}", "");
    }

    /** The one link of a message, or null: the duplicate's cable page. */
    public String href() {
        return kind == Kind.DUPLICATE && !args.isEmpty() && args.get(0).matches("\\d{1,18}")
                ? "/cables/" + args.get(0) : null;
    }

    public String linkText() {
        return kind == Kind.DUPLICATE && args.size() > 1 ? args.get(1) : null;
    }

    /** A refusal is announced as an alert, everything else as a status. */
    public boolean alert() {
        return kind == Kind.NOT_DONE;
    }
}
