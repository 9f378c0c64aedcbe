package org.declass.ingest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shape of the Cablegate collection (../shared/BRIEF.md section 11): how many cables per level and marking,
 * per year, per origin, per header kind. The generator draws from these weights; the numbers are public facts
 * about the collection, no cable text.
 */
public final class CorpusProfile {

    public static final int CABLEGATE_COUNT = 251_287;

    /** The banner kinds by their count in the collection (they sum to 251,287). */
    public enum Kind {
        SECRET("SECRET", "SECRET", 11_322),
        SECRET_NOFORN("SECRET//NOFORN", "SECRET//NOFORN", 4_330),
        CONFIDENTIAL("CONFIDENTIAL", "CONFIDENTIAL", 97_070),
        CONFIDENTIAL_NOFORN("CONFIDENTIAL//NOFORN", "CONFIDENTIAL//NOFORN", 4_678),
        UNCLASSIFIED("UNCLASSIFIED", "UNCLASSIFIED", 75_792),
        UNCLASSIFIED_FOUO("UNCLASSIFIED//SBU", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", 58_095);

        /** The banner as Declass rolls it up (SENSITIVE caption: SBU). */
        public final String banner;
        /** The value in the Cablegate metadata (cables.csv classification column). */
        public final String metadata;
        public final int count;

        Kind(String banner, String metadata, int count) {
            this.banner = banner;
            this.metadata = metadata;
            this.count = count;
        }

        public boolean classified() {
            return this != UNCLASSIFIED && this != UNCLASSIFIED_FOUO;
        }

        public boolean noforn() {
            return this == SECRET_NOFORN || this == CONFIDENTIAL_NOFORN;
        }

        public boolean secret() {
            return this == SECRET || this == SECRET_NOFORN;
        }
    }

    /** Header kinds: ACP-127 193,225; partial extract 49,082; ACP-126 5,936; other 3,044. */
    public enum Header {
        ACP127(193_225), PARTIAL(49_082), ACP126(5_936), OTHER(3_044);

        public final int count;

        Header(int count) {
            this.count = count;
        }
    }

    /** Cables per year, by reference prefix; the 53 malformed ids are counted in 2009. */
    static final int[][] YEARS = {
            {1966, 1}, {1972, 2}, {1973, 2}, {1975, 3}, {1976, 3}, {1978, 3}, {1979, 2},
            {1985, 40}, {1986, 55}, {1987, 60}, {1988, 70}, {1989, 75}, {1990, 80}, {1991, 70}, {1992, 70},
            {1993, 75}, {1994, 87}, {1995, 60}, {1996, 60}, {1997, 65}, {1998, 70}, {1999, 78},
            {2000, 432}, {2001, 878}, {2002, 2_570}, {2003, 8_083}, {2004, 11_808}, {2005, 24_131},
            {2006, 42_385}, {2007, 44_688}, {2008, 49_427}, {2009, 56_850}, {2010, 9_004}};

    /** The top origins with their counts (BRIEF section 11); the rest share the remainder. */
    static final Object[][] TOP_ORIGINS = {
            {"STATE", 8_009}, {"ANKARA", 7_914}, {"BAGHDAD", 6_674}, {"TOKYO", 5_697}, {"AMMAN", 4_312},
            {"PARIS", 3_775}, {"KUWAIT", 3_717}, {"MADRID", 3_618}, {"MOSCOW", 3_376}};

    /** Other posts: embassies, consulates and missions, as written on a class line. Public names. */
    static final String[] OTHER_ORIGINS = ("BEIJING|CAIRO|KABUL|ISLAMABAD|TEL AVIV|BRASILIA|BERLIN|ROME|LONDON|"
            + "SEOUL|BUENOS AIRES|MEXICO|NEW DELHI|RIYADH|BEIRUT|DAMASCUS|ABU DHABI|SANAA|TRIPOLI|TUNIS|RABAT|"
            + "ALGIERS|KHARTOUM|ADDIS ABABA|NAIROBI|KAMPALA|DAR ES SALAAM|PRETORIA|HARARE|LUSAKA|LILONGWE|"
            + "MAPUTO|LUANDA|KINSHASA|BRAZZAVILLE|YAOUNDE|LAGOS|ABUJA|ACCRA|ABIDJAN|DAKAR|BAMAKO|NIAMEY|"
            + "OUAGADOUGOU|CONAKRY|FREETOWN|MONROVIA|NOUAKCHOTT|BANJUL|LOME|COTONOU|NDJAMENA|BANGUI|LIBREVILLE|"
            + "MALABO|KIGALI|BUJUMBURA|ASMARA|DJIBOUTI|ANTANANARIVO|PORT LOUIS|GABORONE|WINDHOEK|MASERU|"
            + "MBABANE|CAPE TOWN|JOHANNESBURG|DURBAN|LAGOS|MANAMA|DOHA|MUSCAT|JEDDAH|DHAHRAN|DUBAI|BASRAH|"
            + "KIRKUK|MOSUL|HILLAH|JERUSALEM|ISTANBUL|ADANA|ATHENS|NICOSIA|VALLETTA|SOFIA|BUCHAREST|CHISINAU|"
            + "KIEV|KYIV|MINSK|VILNIUS|RIGA|TALLINN|HELSINKI|STOCKHOLM|OSLO|COPENHAGEN|REYKJAVIK|DUBLIN|"
            + "BRUSSELS|THE HAGUE|LUXEMBOURG|BERN|GENEVA|VIENNA|PRAGUE|BRATISLAVA|BUDAPEST|WARSAW|KRAKOW|"
            + "LJUBLJANA|ZAGREB|SARAJEVO|BELGRADE|PODGORICA|SKOPJE|TIRANA|PRISTINA|LISBON|PONTA DELGADA|"
            + "BARCELONA|MILAN|NAPLES|FLORENCE|MUNICH|FRANKFURT|HAMBURG|DUSSELDORF|LEIPZIG|MARSEILLE|"
            + "STRASBOURG|VATICAN|ST PETERSBURG|YEKATERINBURG|VLADIVOSTOK|TBILISI|YEREVAN|BAKU|ASTANA|ALMATY|"
            + "TASHKENT|BISHKEK|DUSHANBE|ASHGABAT|ULAANBAATAR|KATHMANDU|DHAKA|COLOMBO|CHENNAI|MUMBAI|KOLKATA|"
            + "KARACHI|LAHORE|PESHAWAR|RANGOON|BANGKOK|CHIANG MAI|VIENTIANE|PHNOM PENH|HANOI|HO CHI MINH CITY|"
            + "KUALA LUMPUR|SINGAPORE|JAKARTA|SURABAYA|MANILA|DILI|CANBERRA|SYDNEY|MELBOURNE|PERTH|WELLINGTON|"
            + "PORT MORESBY|SUVA|TAIPEI|AIT TAIPEI|HONG KONG|SHANGHAI|GUANGZHOU|SHENYANG|CHENGDU|OSAKA KOBE|"
            + "NAHA|SAPPORO|FUKUOKA|NAGOYA|BUSAN|OTTAWA|TORONTO|MONTREAL|VANCOUVER|QUEBEC|CALGARY|HALIFAX|"
            + "GUADALAJARA|MONTERREY|TIJUANA|CIUDAD JUAREZ|NUEVO LAREDO|MATAMOROS|HERMOSILLO|MERIDA|GUATEMALA|"
            + "SAN SALVADOR|TEGUCIGALPA|MANAGUA|SAN JOSE|PANAMA|HAVANA|SANTO DOMINGO|PORT AU PRINCE|KINGSTON|"
            + "BRIDGETOWN|PORT OF SPAIN|NASSAU|PARAMARIBO|GEORGETOWN|CARACAS|BOGOTA|QUITO|GUAYAQUIL|LIMA|"
            + "LA PAZ|SANTIAGO|ASUNCION|MONTEVIDEO|SAO PAULO|RIO DE JANEIRO|RECIFE|USUN NEW YORK|USEU BRUSSELS|"
            + "USNATO|UNVIE VIENNA|USOSCE|MISSION GENEVA|USUN ROME|CD GENEVA|UNESCO PARIS|USDEL SECRETARY|"
            + "OECD PARIS|SECDEF|CJTF HOA|RPO DUBAI|CARTAGENA|CURACAO|HAMILTON|MARTINIQUE|NDJAMENA|NOUMEA|"
            + "KOLONIA|MAJURO|KOROR|APIA|NUKUALOFA|BANDAR SERI BEGAWAN|MANAMA|ERBIL|BELFAST|EDINBURGH|"
            + "AMSTERDAM|ANTWERP|LYON|BORDEAUX|RENNES|TOULOUSE|PALERMO|THESSALONIKI|IZMIR|CASABLANCA|"
            + "ALEXANDRIA|ADANA|HALIFAX|WINNIPEG|ST JOHNS|MATAMOROS|NOGALES|JUBA|MOGADISHU|BENGHAZI")
            .split("\\|");

    public record Origin(String name, int weight) {
        /** The origin as written in a reference id: no spaces. */
        public String compact() {
            return name.replace(" ", "");
        }
    }

    private static final List<Origin> ORIGINS = buildOrigins();

    private CorpusProfile() {
    }

    public static List<Origin> origins() {
        return ORIGINS;
    }

    private static List<Origin> buildOrigins() {
        List<Origin> all = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int topSum = 0;
        for (Object[] o : TOP_ORIGINS) {
            all.add(new Origin((String) o[0], (Integer) o[1]));
            seen.add((String) o[0]);
            topSum += (Integer) o[1];
        }
        List<String> rest = new ArrayList<>();
        for (String s : OTHER_ORIGINS) {
            if (seen.add(s)) {
                rest.add(s);
            }
        }
        // a Zipf-like tail, scaled to the remainder of the collection
        double[] w = new double[rest.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.pow(i + 4, -1.05);
            sum += w[i];
        }
        int remainder = CABLEGATE_COUNT - topSum;
        for (int i = 0; i < w.length; i++) {
            all.add(new Origin(rest.get(i), Math.max(1, (int) Math.round(remainder * w[i] / sum))));
        }
        return List.copyOf(all);
    }

    /** Draws an index from integer weights. */
    static int pick(SplittableRandom r, int[] cumulative) {
        int total = cumulative[cumulative.length - 1];
        int x = r.nextInt(total);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static int[] cumulative(int[] weights) {
        int[] c = new int[weights.length];
        int s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i];
            c[i] = s;
        }
        return c;
    }
}
