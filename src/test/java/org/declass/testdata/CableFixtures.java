package org.declass.testdata;

/**
 * Cables we write ourselves, in the real format, with invented content. Each factory names what the cable is
 * for; marker strings let tests prove where a portion's text appears and where it must not.
 */
public final class CableFixtures {

    private CableFixtures() {
    }

    /** A SECRET//NOFORN cable whose paragraphs are (U), (C), (S//NF) and (S): for access tests. */
    public static String secretNofornCableWithMixedPortions(String serial, String uMarker, String cMarker,
                                                            String sNfMarker, String sMarker) {
        return """
                VZCZCXRO4410
                PP RUEHWEB
                DE RUEHTL #%1$s/01 3251422
                ZNY SSSSS ZZH
                P 211422Z NOV 08
                FM AMEMBASSY TALLINN
                TO RUEHC/SECSTATE WASHDC PRIORITY 5512
                INFO RUEHRA/AMEMBASSY RIGA PRIORITY 0301

                S E C R E T TALLINN 00%1$s

                NOFORN
                SIPDIS

                DEPT FOR EUR/NB
                E.O. 12958: DECL: 11/21/2018
                TAGS: PGOV PREL EN
                SUBJECT: ESTONIA: FICTIONAL HARBOR AUTHORITY REVIEW

                Classified By: Ambassador Jane Q. Doe, reasons 1.4 (b) and (d).

                1. (U) %2$s The harbor authority of the invented port of
                Kuressaare-Lõuna published its annual review this week.

                2. (C) %3$s Officials told poloff that the review was
                delayed by a dispute between two ministries.

                3. (S//NF) %4$s A confidential contact described the
                dispute as a proxy fight over a dredging contract.

                4. (S) %5$s The contact asked that the embassy not raise
                the matter with the ministry until after the elections.

                DOE
                """.formatted(serial, uMarker, cMarker, sNfMarker, sMarker);
    }

    /** A CONFIDENTIAL cable with two (C) paragraphs and one (U) paragraph. */
    public static String confidentialCable(String serial, String marker) {
        return """
                VZCZCXRO1234
                RR RUEHWEB
                DE RUEHMV #%1$s 0401530
                ZNY CCCCC ZZH
                R 091530Z FEB 09
                FM AMEMBASSY MONTEVIDEO
                TO RUEHC/SECSTATE WASHDC 9921

                C O N F I D E N T I A L MONTEVIDEO 00%1$s

                SIPDIS

                E.O. 12958: DECL: 02/09/2019
                TAGS: ECON EINV UY
                SUBJECT: URUGUAY: INVENTED PORT TENDER DRAWS THREE BIDDERS

                Classified By: CDA John R. Roe, reasons 1.4 (b) and (d)

                1. (C) %2$s Three fictional consortia bid for the
                container terminal concession.

                2. (U) The tender closes next month.

                3. (C) Embassy will report the outcome septel.

                ROE
                """.formatted(serial, marker);
    }

    /** A CONFIDENTIAL cable that is NOFORN by caption: every portion is foreign-restricted. */
    public static String confidentialNofornCable(String serial, String marker) {
        return confidentialCable(serial, marker).replace("SIPDIS", "NOFORN\nSIPDIS");
    }

    /**
     * A SECRET cable for the review workflow: paragraph 1 (U) carries {@code plainMarker}, paragraph 2 (S) carries
     * {@code secretMarker} in the middle of its text, so that a test can redact exactly that span; paragraph 3 (C).
     */
    public static String secretCableForReview(String serial, String plainMarker, String secretMarker) {
        return """
                VZCZCXRO7701
                PP RUEHWEB
                DE RUEHKV #%1$s 1201044
                ZNY SSSSS ZZH
                P 291044Z APR 09
                FM AMEMBASSY KYIV
                TO RUEHC/SECSTATE WASHDC PRIORITY 7702

                S E C R E T KYIV 00%1$s

                SIPDIS

                E.O. 12958: DECL: 04/29/2019
                TAGS: PGOV PREL UP
                SUBJECT: UKRAINE: INVENTED GRAIN TERMINAL DISPUTE

                Classified By: Ambassador Ann B. Smith, reasons 1.4 (b) and (d)

                1. (U) %2$s The invented grain terminal at Pivdennyi-Nord
                reopened on Monday after a two-week closure.

                2. (S) A source named %3$s told poloff that the
                closure was ordered to settle a private debt.

                3. (C) Embassy will follow up with the port authority
                on case %1$s.

                SMITH
                """.formatted(serial, plainMarker, secretMarker);
    }

    /** An UNCLASSIFIED cable with no classification authority block and E.O. N/A, paragraphs (U). */
    public static String unclassifiedCable(String serial, String marker) {
        return """
                VZCZCXRO7781
                RR RUEHWEB
                DE RUEHUB #%1$s 1601030
                ZNR UUUUU ZZH
                R 091030Z JUN 09
                FM AMEMBASSY ULAANBAATAR
                TO RUEHC/SECSTATE WASHDC 3310

                UNCLAS ULAANBAATAR 00%1$s

                SIPDIS

                E.O. 12958: N/A
                TAGS: ECON EAGR MG
                SUBJECT: MONGOLIA: INVENTED CASHMERE FAIR DRAWS RECORD CROWDS

                1. (U) %2$s The fictional Gobi Fiber Fair opened on June 5 with
                two hundred invented exhibitors.

                2. (U) Organizers expect more visitors next year.

                SMITH
                """.formatted(serial, marker);
    }
}
