package org.declass.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void absentParametersMeanTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.of(null, null, 50)).isEqualTo(new PageRequest(0, 50));
        assertThat(PageRequest.of(" ", "", 20)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(" 3 ", "200", 50).offset()).isEqualTo(600);
    }

    @Test
    void aSizeBelowOneOrAboveTwoHundredIsRefusedNamingTheSize() {
        for (String size : new String[] {"0", "-1", "201", "99999999999999"}) {
            assertThatThrownBy(() -> PageRequest.of("0", size, 50)).isInstanceOf(BadRequestException.class)
                    .hasMessage("size must be between 1 and 200");
        }
    }

    @Test
    void aNegativePageIsRefusedNamingThePage() {
        assertThatThrownBy(() -> PageRequest.of("-1", "50", 50)).isInstanceOf(BadRequestException.class)
                .hasMessage("page must not be negative");
        assertThatThrownBy(() -> PageRequest.of("-99999999999", null, 50)).hasMessage("page must not be negative");
    }

    @Test
    void aPageWhoseRowsWouldOverflowOrLieBeyondTheBoundIsRefusedAsTooDeep() {
        for (String page : new String[] {"2147483647", "2147483648", "20000", "999999999999"}) {
            assertThatThrownBy(() -> PageRequest.of(page, "50", 50)).isInstanceOf(BadRequestException.class)
                    .hasMessageStartingWith("page is too deep").hasMessageContaining("the last page is 19999");
        }
        assertThat(PageRequest.of("19999", "50", 50).offset()).isEqualTo(999_950);
    }

    @Test
    void aListMayAllowFewerRowsAPageAndFewerRowsInAll() {
        assertThatThrownBy(() -> PageRequest.of("0", "101", 20, 100, 10_000)).hasMessage("size must be between 1 and 100");
        assertThatThrownBy(() -> PageRequest.of("500", "20", 20, 100, 10_000)).hasMessageStartingWith("page is too deep");
        assertThat(PageRequest.of("499", "20", 20, 100, 10_000).offset()).isEqualTo(9_980);
    }

    @Test
    void anythingButAWholeNumberIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"abc", "1.5", "1e3", "0x10", "٣", "1 2", "--1"}) {
            assertThatThrownBy(() -> PageRequest.of(bad, null, 50)).isInstanceOf(BadRequestException.class)
                    .hasMessage("page must be a whole number");
            assertThatThrownBy(() -> PageRequest.of(null, bad, 50)).hasMessage("size must be a whole number");
        }
    }
}
