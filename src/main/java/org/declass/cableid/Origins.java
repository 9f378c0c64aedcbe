package org.declass.cableid;

import java.util.Map;
import java.util.Set;

/**
 * Origin names as they appear in cable ids, with the aliases cables use for the same post when citing it: SECSTATE
 * is STATE, "RIO DE JAN" and "RIO" are RIODEJANEIRO, "USUN NEW YORK" and "USUN" are USUNNEWYORK, "CASA" is
 * CASABLANCA, "UNVIE" is UNVIEVIENNA.
 * <p>
 * The known origins are the posts and offices that appear as origins of Cablegate ids (from the published id list:
 * embassies, consulates, missions such as USNATO, USOSCE and UNVIEVIENNA, and STATE). A cited origin must be one of
 * them for the citation to count as a cable: "IIR 6 854", "OCTOBER 12" or "DATED 10" are not cables.
 */
public final class Origins {

    private Origins() {
    }

    /**
     * Alias (upper case, without spaces or punctuation) to canonical origin. Each was seen in real REF lines or
     * class lines: SECSTATE in REF lines, RIO and RIO DE JAN (the class line of Rio de Janeiro's cables), CASA in
     * Casablanca's own REF lines, UNVIE and UNVIE VIEN for the UN mission in Vienna, IRPO DUBAI for the Iran Regional
     * Presence Office (its cables carry RPODUBAI ids); USUN forms for the mission to the UN.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("SECSTATE", "STATE"),
            Map.entry("SECSTATEWASHDC", "STATE"),
            Map.entry("STATEWASHDC", "STATE"),
            Map.entry("RIO", "RIODEJANEIRO"),
            Map.entry("RIODEJAN", "RIODEJANEIRO"),
            Map.entry("RIODEJANIERO", "RIODEJANEIRO"),
            Map.entry("USUN", "USUNNEWYORK"),
            Map.entry("USUNNY", "USUNNEWYORK"),
            Map.entry("USUNNEWYORK", "USUNNEWYORK"),
            Map.entry("USEU", "USEUBRUSSELS"),
            Map.entry("UNVIE", "UNVIEVIENNA"),
            Map.entry("UNVIEVIEN", "UNVIEVIENNA"),
            Map.entry("CASA", "CASABLANCA"),
            Map.entry("IRPODUBAI", "RPODUBAI"),
            Map.entry("HAGUE", "THEHAGUE"),
            Map.entry("MEXICOCITY", "MEXICO"),
            Map.entry("QUEBECCITY", "QUEBEC"),
            Map.entry("HOCHIMINH", "HOCHIMINHCITY"));

    /** Origins of Cablegate ids (canonical form). */
    private static final Set<String> KNOWN = Set.of(
            "ABIDJAN", "ABUDHABI", "ABUJA", "ACCRA", "ADANA", "ADDISABABA", "AITTAIPEI", "ALEXANDRIA", "ALGIERS",
            "ALMATY", "AMMAN", "AMSTERDAM", "ANKARA", "ANTANANARIVO", "APIA", "ASHGABAT", "ASMARA", "ASTANA",
            "ASUNCION", "ATHENS", "AUCKLAND", "BAGHDAD", "BAKU", "BAMAKO", "BANDARSERIBEGAWAN", "BANGKOK", "BANGUI",
            "BANJUL", "BARCELONA", "BASRAH", "BEIJING", "BEIRUT", "BELFAST", "BELGRADE", "BELIZE", "BELMOPAN", "BERLIN",
            "BERN", "BISHKEK", "BOGOTA", "BONN", "BRASILIA", "BRATISLAVA", "BRAZZAVILLE", "BRIDGETOWN", "BRUSSELS",
            "BUCHAREST", "BUDAPEST", "BUENOSAIRES", "BUJUMBURA", "CAIRO", "CALCUTTA", "CALGARY", "CANBERRA",
            "CAPETOWN", "CARACAS", "CASABLANCA", "CDGENEVA", "CHENGDU", "CHENNAI", "CHIANGMAI", "CHISINAU",
            "CIUDADJUAREZ", "COLOMBO", "CONAKRY", "COPENHAGEN", "COTONOU", "CURACAO", "DAKAR", "DAMASCUS",
            "DARESSALAAM", "DHAHRAN", "DHAKA", "DILI", "DJIBOUTI", "DOHA", "DUBAI", "DUBLIN", "DURBAN", "DUSHANBE",
            "DUSSELDORF", "FLORENCE", "FRANKFURT", "FREETOWN", "FSINFATC", "FUKUOKA", "GABORONE", "GENEVA",
            "GEORGETOWN", "GRENADA", "GUADALAJARA", "GUANGZHOU", "GUATEMALA", "GUAYAQUIL", "HALIFAX", "HAMBURG",
            "HAMILTON", "HANOI", "HARARE", "HAVANA", "HELSINKI", "HERMOSILLO", "HILLAH", "HOCHIMINHCITY", "HONGKONG",
            "HYDERABAD", "IRANRPODUBAI", "ISLAMABAD", "ISTANBUL", "IZMIR", "JAKARTA", "JEDDAH", "JERUSALEM",
            "JOHANNESBURG", "KABUL", "KADUNA", "KAMPALA", "KARACHI", "KATHMANDU", "KHARTOUM", "KIEV", "KIGALI",
            "KINGSTON", "KINSHASA", "KIRKUK", "KOLKATA", "KOLONIA", "KOROR", "KRAKOW", "KUALALUMPUR", "KUWAIT", "KYIV",
            "LAGOS", "LAHORE", "LAPAZ", "LEIPZIG", "LENINGRAD", "LIBREVILLE", "LILONGWE", "LIMA", "LISBON",
            "LJUBLJANA", "LOME", "LONDON", "LUANDA", "LUSAKA", "LUXEMBOURG", "MADRAS", "MADRID", "MAJURO", "MALABO",
            "MANAGUA", "MANAMA", "MANILA", "MAPUTO", "MARSEILLE", "MASERU", "MATAMOROS", "MBABANE", "MELBOURNE",
            "MERIDA", "MEXICO", "MILAN", "MINSK", "MOGADISHU", "MONROVIA", "MONTERREY", "MONTEVIDEO", "MONTREAL",
            "MOSCOW", "MOSUL", "MUMBAI", "MUNICH", "MUSCAT", "NAGOYA", "NAHA", "NAIROBI", "NAPLES", "NASSAU",
            "NDJAMENA", "NEWDELHI", "NIAMEY", "NICOSIA", "NOGALES", "NOUAKCHOTT", "NUEVOLAREDO", "OSAKAKOBE", "OSLO",
            "OTTAWA", "OUAGADOUGOU", "PANAMA", "PARAMARIBO", "PARIS", "PARISFR", "PARTO", "PERTH", "PESHAWAR",
            "PHNOMPENH", "PODGORICA", "PONTADELGADA", "PORTAUPRINCE", "PORTLOUIS", "PORTMORESBY", "PORTOFSPAIN",
            "PRAGUE", "PRAIA", "PRETORIA", "PRISTINA", "QUEBEC", "QUITO", "RABAT", "RANGOON", "RECIFE", "REYKJAVIK",
            "RIGA", "RIODEJANEIRO", "RIYADH", "ROME", "RPODUBAI", "SANAA", "SANJOSE", "SANSALVADOR", "SANTIAGO",
            "SANTODOMINGO", "SAOPAULO", "SAPPORO", "SARAJEVO", "SECDEF", "SEOUL", "SHANGHAI", "SHENYANG", "SINGAPORE",
            "SKOPJE", "SOFIA", "STATE", "STOCKHOLM", "STPETERSBURG", "STRASBOURG", "SURABAYA", "SUVA", "SYDNEY",
            "TAIPEI", "TALLINN", "TASHKENT", "TBILISI", "TEGUCIGALPA", "TEHRAN", "TELAVIV", "THEHAGUE",
            "THESSALONIKI", "TIJUANA", "TIRANA", "TOKYO", "TORONTO", "TRIPOLI", "TUNIS", "ULAANBAATAR", "UNESCOPARIS",
            "UNESCOPARISFR", "UNROME", "UNVIEVIENNA", "USEUBRUSSELS", "USNATO", "USOSCE", "USTRGENEVA", "USUNNEWYORK",
            "VALLETTA", "VANCOUVER", "VATICAN", "VIENNA", "VIENTIANE", "VILNIUS", "VLADIVOSTOK", "WARSAW", "WELLINGTON",
            "WINDHOEK", "YAOUNDE", "YEKATERINBURG", "YEREVAN", "ZAGREB");

    /**
     * The canonical origin for a written one (aliases resolved, upper case, spaces, dots, hyphens and apostrophes
     * dropped), or null when it is not a plausible origin (fewer than two letters, or other characters). The result
     * need not be a {@linkplain #isKnown known} origin: a cable's own class line may name a post this list lacks.
     */
    public static String canonical(String written) {
        if (written == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 32));
            } else if (c >= 'A' && c <= 'Z') {
                sb.append(c);
            } else if (c == ' ' || c == '.' || c == '-' || c == '\'' || c == '\t') {
                continue;
            } else {
                return null;
            }
        }
        if (sb.length() < 2) {
            return null;
        }
        String key = sb.toString();
        return ALIASES.getOrDefault(key, key);
    }

    /** True when the canonical origin is one Cablegate ids carry. */
    public static boolean isKnown(String canonical) {
        return canonical != null && KNOWN.contains(canonical);
    }

    /**
     * The known origin a post's address names, as the routing header's {@code FM} line writes it: the address with
     * its kind and place words ("AMEMBASSY SAN SALVADOR", "AMCONSUL RIO DE JANEIRO", "USMISSION UNVIE VIENNA",
     * "SECSTATE WASHDC", "USINT HAVANA"). The longest run of consecutive words that is a known origin (after aliases)
     * wins, the earlier run on a tie; null when no run is one.
     */
    public static String ofAddress(String address) {
        if (address == null) {
            return null;
        }
        String[] words = address.trim().split("\\s+");
        int n = Math.min(words.length, 8);
        for (int len = n; len >= 1; len--) {
            for (int from = 0; from + len <= n; from++) {
                String c = canonical(String.join(" ", java.util.Arrays.asList(words).subList(from, from + len)));
                if (isKnown(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The canonical origin of a written one when it is {@linkplain #isKnown known}, else null. */
    public static String known(String written) {
        String c = canonical(written);
        return isKnown(c) ? c : null;
    }
}
