package org.declass.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses, in either case ("WellsWS@state.gov", "SMITHJ@STATE.SGOV.GOV"). */
public final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    @Override
    public List<Detection> find(String text) {
        List<Detection> out = new ArrayList<>();
        if (text.indexOf('@') < 0) {
            return out; // most paragraphs: no need to try the pattern at every word
        }
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(Detection.of(Kind.EMAIL, m.start(), m.end(), 0.99, "an e-mail address"));
        }
        return out;
    }
}
