package org.declass.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone and fax numbers, found and checked by Google's libphonenumber: its matcher finds the candidates (US as the
 * region of numbers written without a country code), its metadata says whether a number is valid for its country.
 * Numbers written with their country code but without "+" ("58-212-975-6411") are tried again as international.
 * What the cables are full of and is not a phone number is left out: cable numbers ("STATE 51122", "PRIORITY 2231"),
 * date-time groups ("061230Z"), dates, years and references, digits glued to letters.
 */
public final class PhoneDetector implements Detector {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Words that say a number is a phone number, shortly before it. */
    private static final Pattern CONTEXT = Pattern.compile(
            "(?i)(?:tel|tel\\.|telephone|phone|cell|cellphone|mobile|fax|facsimile|landline|hotline|number|no\\.|"
                    + "call|reached|reach|dial|contact|switchboard|ext|extension|whatsapp|line|sat(?:ellite)?\\s*phone)"
                    + "\\W{0,6}(?:\\w+\\W+){0,3}$");

    /** A run of digit groups with separators, possibly starting with "+" or "00": the international retry. */
    private static final Pattern GROUPS = Pattern.compile(
            "(?<![\\w+/.#-])(?:\\+|00)?\\(?\\d{1,4}\\)?(?:(?:[ .-]|[ \\t]*\\n[ \\t]*)\\(?\\d{1,5}\\)?){2,5}"
                    + "(?![\\w/-])");

    private static final Pattern DATE = Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}");

    @Override
    public List<Detection> find(String text) {
        List<Detection> out = new ArrayList<>();
        for (PhoneNumberMatch m : UTIL.findNumbers(text, "US", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            int start = m.start();
            int end = m.end();
            Detection d = judge(text, start, end, m.number(), true);
            if (d != null) {
                out.add(d);
            }
        }
        Matcher g = GROUPS.matcher(text);
        while (g.find()) {
            int start = g.start();
            int end = g.end();
            if (out.stream().anyMatch(d -> d.overlaps(start, end))) {
                continue;
            }
            String raw = g.group();
            String digits = raw.replaceAll("\\D", "");
            String international = raw.startsWith("00") ? "+" + digits.substring(2) : "+" + digits;
            Phonenumber.PhoneNumber n;
            try {
                n = UTIL.parse(international, "ZZ");
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                n = null; // not readable as international: only the words around it can make it a phone number
            }
            Detection d = judge(text, start, end, n, false);
            if (d != null) {
                out.add(d);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Detection::start));
        return out;
    }

    /** The detection for a candidate, or null when it is something else that looks like a number. */
    private static Detection judge(String text, int start, int end, Phonenumber.PhoneNumber number,
                                   boolean asWritten) {
        int closing = text.indexOf(')', start);
        if (text.charAt(start) == '(' && (closing < 0 || closing >= end)) {
            start++; // "(703-326-4710 -": an opening parenthesis with no closing one is not part of the number
        }
        String raw = text.substring(start, end);
        if (start > 0 && isGlue(text.charAt(start - 1))) {
            return null;
        }
        // "TD-315/20417-09": a number after a series' letters and a dash is a reference
        if (start > 1 && text.charAt(start - 1) == '-' && Character.isLetterOrDigit(text.charAt(start - 2))) {
            return null;
        }
        if (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '/')) {
            return null;
        }
        // "07-20455-CR", "2006/14": a number that goes on after a dash or a slash is a reference
        if (end + 1 < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '/')
                && Character.isLetterOrDigit(text.charAt(end + 1))) {
            return null;
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() < 7 || digits.length() > 15 || DATE.matcher(raw).matches()) {
            return null;
        }
        boolean formatted = raw.startsWith("+") || raw.startsWith("00") || raw.indexOf('(') >= 0
                || raw.trim().split("[\\s.-]+").length >= 3;
        boolean context = CONTEXT.matcher(text.substring(Math.max(0, start - 40), start)).find();
        boolean plainDigits = !formatted && raw.matches("\\d+");
        if (plainDigits && !context) {
            // a bare run of digits: a cable number, a serial, a DTG; only a phone when the words say so
            return null;
        }
        if (!context && !raw.startsWith("+") && precededByCableWord(text, start)) {
            // "STATE 51122", "USDAO HANOI IIR 6 844 0219 09": a reference number after its series' name
            return null;
        }
        boolean valid = number != null && UTIL.isValidNumber(number);
        if (!valid && !context) {
            return null;
        }
        if (!asWritten && !valid && !(context && raw.trim().split("[\\s.()-]+").length >= 3)) {
            // written without a country code in a format of its own country ("02-397-4114"): only with words
            return null;
        }
        double confidence = valid ? (context ? 0.98 : 0.93) : 0.75;
        String why = valid ? "a valid phone number (" + UTIL.getRegionCodeForNumber(number) + ")"
                : "a number after a word that names a phone";
        return Detection.of(Kind.PHONE, start, end, confidence, why);
    }

    /** A letter, a digit, "/" or "#" right before a number glues it to something else (a reference, "#0417/01"). */
    private static boolean isGlue(char c) {
        return Character.isLetterOrDigit(c) || c == '/' || c == '#';
    }

    /** "STATE 51122", "DUSHANBE 000417": an upper-case word right before the number, as a cable reference has. */
    private static boolean precededByCableWord(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        int wordEnd = i + 1;
        while (i >= 0 && Character.isUpperCase(text.charAt(i))) {
            i--;
        }
        return wordEnd - (i + 1) >= 3;
    }
}
