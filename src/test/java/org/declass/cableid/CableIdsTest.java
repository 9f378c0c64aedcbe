package org.declass.cableid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Canonical cable ids as the search box, ingest and the REF reader use them. Serials are invented. */
class CableIdsTest {

    @Test
    void aTypedIdIsCanonicalHoweverItIsSpacedCasedPaddedOrAliased() {
        for (String typed : List.of("05RIO123", "05 RIO 123", "2005 rio de janeiro 000123", "05 RIO DE JAN 0123",
                "05RIODEJANEIRO123", " 05 Rio 123 ", "05 RIO 00000123")) {
            assertThat(CableIds.canonical(typed)).as(typed).contains("05RIODEJANEIRO123");
        }
        assertThat(CableIds.canonical("09 SECSTATE 012345")).contains("09STATE12345");
        assertThat(CableIds.canonical("07 CASA 17")).contains("07CASABLANCA17");
        assertThat(CableIds.canonical("08 UNVIE 663")).contains("08UNVIEVIENNA663");
        assertThat(CableIds.canonical("09 USUN NEW YORK 14")).contains("09USUNNEWYORK14");
        assertThat(CableIds.canonical("09 usun 15")).contains("09USUNNEWYORK15");
        assertThat(CableIds.canonical("09 USEU BRUSSELS 16")).contains("09USEUBRUSSELS16");
        assertThat(CableIds.canonical("09 TEL AVIV 18")).contains("09TELAVIV18");
        assertThat(CableIds.canonical("09 IRPO DUBAI 95")).contains("09RPODUBAI95");
        assertThat(CableIds.canonical("10 port-au-prince 7")).contains("10PORTAUPRINCE7");
    }

    @Test
    void aMissingYearIsTheCitingCablesAndTextThatIsNotOneCableIdGivesNothing() {
        assertThat(CableIds.canonical("RIO 123", 2005)).contains("05RIODEJANEIRO123");
        assertThat(CableIds.canonical("RIO 123")).isEmpty();
        assertThat(CableIds.canonical("08 OSLO 7", 2009)).contains("08OSLO7");
        for (String typed : List.of("iran 2009", "05 iran 2009", "05 OCTOBER 12", "IIR 6 854 0025 07",
                "STATE 123 AND 456", "EMBASSY VIENNA 1450", "NEW DELHI 420Q", "TD-314/04321-09", "hello", "", "09",
                "09 STATE 0", "09 STATE 12345678")) {
            assertThat(CableIds.canonical(typed, 2009)).as(typed).isEmpty();
        }
        assertThat(CableIds.canonical(null)).isEmpty();
    }

    @Test
    void theOwnIdIsBuiltFromTheClassLinesOriginAsWritten() {
        assertThat(CableIds.of(2009, "RIO DE JAN", "00000353")).isEqualTo("09RIODEJANEIRO353");
        assertThat(CableIds.of(9, "UNVIE VIEN", "285")).isEqualTo("09UNVIEVIENNA285");
        assertThat(CableIds.of(2009, "USEU BRUSSELS", "0948")).isEqualTo("09USEUBRUSSELS948");
        assertThat(CableIds.of(1972, "TEHRAN", "1164")).isEqualTo("72TEHRAN1164");
        // a post the known list lacks still gets its id
        assertThat(CableIds.of(2001, "LAKEVIEW", "0211")).isEqualTo("01LAKEVIEW211");
    }

    @Test
    void citationsInTextGiveOneIdPerCableWithSharedOriginsMarked() {
        List<Citations.Citation> found = Citations.find("09 STATE 1234 AND 5678, 91; 2008 LISBON 44", 2010);

        assertThat(found).extracting(Citations.Citation::id)
                .containsExactly("09STATE1234", "09STATE5678", "09STATE91", "08LISBON44");
        assertThat(found).extracting(Citations.Citation::sharesOrigin).containsExactly(false, true, true, false);
        assertThat(found.get(0).start()).isZero();
        assertThat(Citations.find("OSLO 412 OSLO 00000412  001.2 OF 003", 2009)).extracting(Citations.Citation::id)
                .containsExactly("09OSLO412");
    }

    @Test
    void aPostsAddressOnTheRoutingHeadersFmLineNamesItsOrigin() {
        assertThat(Origins.ofAddress("AMEMBASSY SAN SALVADOR")).isEqualTo("SANSALVADOR");
        assertThat(Origins.ofAddress("AMCONSUL RIO DE JANEIRO")).isEqualTo("RIODEJANEIRO");
        assertThat(Origins.ofAddress("SECSTATE WASHDC")).isEqualTo("STATE");
        assertThat(Origins.ofAddress("USMISSION UNVIE VIENNA")).isEqualTo("UNVIEVIENNA");
        assertThat(Origins.ofAddress("USEU BRUSSELS")).isEqualTo("USEUBRUSSELS");
        assertThat(Origins.ofAddress("  USINT   HAVANA ")).isEqualTo("HAVANA");
        assertThat(Origins.ofAddress("CAPTAIN INVENT")).isNull();
        assertThat(Origins.ofAddress("")).isNull();
        assertThat(Origins.ofAddress(null)).isNull();
    }
}
