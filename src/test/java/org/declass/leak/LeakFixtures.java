package org.declass.leak;

import java.util.List;
import java.util.Set;

import org.declass.leak.LeakCrawl.Marker;
import org.declass.leak.LeakCrawl.Shows;

/**
 * The seeded cable of the leak crawl and who may see each of its markers. The cable is SECRET with portions (U),
 * (C), (S//NF) and (S); paragraph 1's marker is redacted as a span, paragraph 2 (C) and 3 (S//NF) are withheld in
 * full, paragraph 4's marker is redacted as a span; the words KEEPUONE, KEEPUTWO (paragraph 1) and KEEPSONE
 * (paragraph 4) are released.
 */
final class LeakFixtures {

    static final String SPAN = "LKSPAN7301";
    static final String FULL = "LKFULL7302";
    static final String NOFORN = "LKNOFORN7303";
    static final String SECRET = "LKSECRET7304";
    /** The reviewer's note on a redaction: theirs to read, never the public's. */
    static final String CANARY_NOTE = "LKCANARYNOTE7305";
    /** A bogus "text" field in the redaction request: the server never takes text from the client. */
    static final String CANARY_TEXT = "LKCANARYTEXT7306";
    static final String UNRELEASED = "LKUNRELEASED7310";
    static final List<String> ANCHORS = List.of("KEEPUONE", "KEEPUTWO");

    /** Cleared SECRET and NOFORN-eligible: every demo account but reviewer2 and auditor2 (CONFIDENTIAL). */
    static final Set<String> SECRET_NOFORN_READERS = Set.of("reviewer", "approver", "auditor", "admin");

    private LeakFixtures() {
    }

    static List<Marker> markers() {
        return List.of(
                new Marker(SPAN, (user, shows) -> shows == Shows.OWN),
                new Marker(FULL, (user, shows) -> shows == Shows.OWN),
                new Marker(NOFORN, (user, shows) -> shows == Shows.OWN && SECRET_NOFORN_READERS.contains(user)),
                new Marker(SECRET, (user, shows) -> shows == Shows.OWN && SECRET_NOFORN_READERS.contains(user)),
                new Marker(CANARY_NOTE, (user, shows) -> shows != Shows.RELEASED),
                Marker.never(CANARY_TEXT),
                new Marker(UNRELEASED, (user, shows) -> shows == Shows.OWN));
    }

    static String cable(String serial) {
        return """
                VZCZCXRO7300
                PP RUEHWEB
                DE RUEHTL #%1$s/01 3251422
                ZNY SSSSS ZZH
                P 211422Z NOV 08
                FM AMEMBASSY TALLINN
                TO RUEHC/SECSTATE WASHDC PRIORITY 5512

                S E C R E T TALLINN 00%1$s

                SIPDIS

                E.O. 12958: DECL: 11/21/2018
                TAGS: PGOV PREL EN
                SUBJECT: ESTONIA: INVENTED FERRY LICENSING REVIEW

                Classified By: Ambassador Jane Q. Doe, reasons 1.4 (b) and (d).

                1. (U) KEEPUONE The invented ferry board met on Monday and
                %2$s told the board that licences would be delayed.
                KEEPUTWO The board adjourned until December.

                2. (C) %3$s Officials said the delay was caused by a dispute
                between two ministries.

                3. (S//NF) %4$s A contact described the dispute as a proxy
                fight over a dredging contract.

                4. (S) KEEPSONE The contact asked for discretion; the name
                %5$s stays with the embassy. KEEPSTWO The embassy agreed.

                DOE
                """.formatted(serial, SPAN, FULL, NOFORN, SECRET);
    }
}
