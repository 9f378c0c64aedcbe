package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The reading room's origin list is HTML made by Qute, which escapes each origin (no hand-written escaping). */
@QuarkusTest
class OriginOptionsTest {

    @Test
    void anOriginWithMarkupCharactersIsEscapedByTheTemplate() {
        String html = ReadingRoomPages.Templates.originOptions(List.of("TALLINN", "A\"B<C>&D'E")).render();
        assertThat(html).isEqualTo("<option value=\"TALLINN\"></option>"
                + "<option value=\"A&quot;B&lt;C&gt;&amp;D&#39;E\"></option>");
    }
}
