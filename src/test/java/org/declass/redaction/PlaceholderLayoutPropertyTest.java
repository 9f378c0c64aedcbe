package org.declass.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.declass.cable.DocumentBuilder;
import org.declass.redaction.CableDocument.Block;
import org.declass.redaction.CableDocument.HeaderLine;
import org.declass.redaction.CableDocument.Piece;
import org.junit.jupiter.api.Test;

/**
 * BRIEF 15 #9 (length inference): whatever the length or shape of a secret, the public text is byte-identical,
 * placeholders and line breaks included. A property test over 500 random secrets per case, from 1 to 600
 * characters, with spaces and line breaks inside.
 */
class PlaceholderLayoutPropertyTest {

    static final String BEFORE = "The harbor authority of the invented port published its annual review\n"
            + "this week, and the minister said that ";
    static final String AFTER = " had asked for the review to be\ndelayed until after the elections, which"
            + " officials denied on Tuesday.";

    @Test
    void secretsOfDifferentLengthsGiveByteIdenticalRedactedText() {
        Random random = new Random(20261128);
        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String secret = secret(random, 1 + random.nextInt(600));
            outputs.add(render(release(BEFORE + secret + AFTER, false, BEFORE.length(),
                    BEFORE.length() + secret.length())));
        }
        assertThat(outputs).hasSize(1);
        assertThat(outputs.iterator().next()).contains("[REDACTED 25X1]").contains("annual review")
                .contains("officials denied");
    }

    @Test
    void paragraphsWithheldInFullGiveByteIdenticalOutputWhateverTheirLength() {
        Random random = new Random(7);
        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            outputs.add(render(release(secret(random, 1 + random.nextInt(3000)), true, 0, 0)));
        }
        assertThat(outputs).hasSize(1);
        assertThat(outputs.iterator().next()).contains("[WITHHELD IN FULL 25X1]");
    }

    @Test
    void lineWrappingAroundAPlaceholderDoesNotDependOnTheHiddenText() {
        String shortSecret = render(release(BEFORE + "Ode" + AFTER, false, BEFORE.length(), BEFORE.length() + 3));
        String longSecret = "Egyptian delegation led by a deputy minister of the interior\nand two advisers";
        String longer = render(release(BEFORE + longSecret + AFTER, false, BEFORE.length(),
                BEFORE.length() + longSecret.length()));
        assertThat(longer).isEqualTo(shortSecret);
        for (String line : longer.split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(PlainTextRenderer.WIDTH + 20);
        }
    }

    @Test
    void thePlaceholderDependsOnTheCodesOnly() {
        assertThat(Redactor.placeholder(List.of("25X1", "25X1", " (b)(1) "))).isEqualTo("[REDACTED 25X1 (b)(1)]");
        assertThat(Redactor.placeholder(List.of("25X6"))).isEqualTo("[REDACTED 25X6]");
    }

    private static ReleasableText release(String text, boolean whole, int start, int end) {
        return Redactor.release(text, whole, List.of("25X1"),
                whole ? List.of() : List.of(new RedactionSpan(start, end, List.of("25X1"))));
    }

    private static String render(ReleasableText released) {
        Block block = DocumentBuilder.publicBlock(1, "2", "2.", null, "(S)", released);
        Block plain = new Block(0, "1", "1.", null, "(U)", List.of(Piece.text("The review was published.")), false);
        CableDocument doc = new CableDocument(1, "08TALLINN1", "TALLINN", "1", LocalDate.of(2008, 11, 21),
                Audience.PUBLIC, true, "SECRET",
                List.of(new HeaderLine("SUBJECT", "(U)", false, List.of(Piece.text("HARBOR REVIEW")))),
                List.of(plain, block), new CableDocument.Stamp("test authority", "approver", LocalDate.of(2026, 1, 2)),
                List.of(), block.withheldInFull() ? 1 : 0);
        return PlainTextRenderer.render(doc);
    }

    private static String secret(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     \n.,-'";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
