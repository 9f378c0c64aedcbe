package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Property-style: mutated cables never make the parser throw, and parsed results always reassemble exactly. */
class RobustnessTest {

    private final CableParser parser = new CableParser();

    @Test
    void mutatedCablesNeverThrowAndAlwaysReassembleByteExact() {
        Random rnd = new Random(20240611L);
        int runs = 0;
        for (String name : SampleCables.ALL) {
            String original = SampleCables.load(name);
            for (int k = 0; k < 60; k++) {
                String mutated = mutate(original, rnd);
                assertThatCode(() -> check(mutated)).as(name + " mutation " + k).doesNotThrowAnyException();
                runs++;
            }
        }
        assertThat(runs).isEqualTo(SampleCables.ALL.length * 60);
    }

    private void check(String text) {
        ParseResult r = parser.parse(text, ParseHints.NONE);
        if (r instanceof ParseResult.Parsed p) {
            assertThat(CableParser.coversExactly(text, p.cable().segments())).isTrue();
            assertThat(CableParser.reassemble(text, p.cable().segments())).isEqualTo(text);
            for (ParsedParagraph pp : p.cable().paragraphs()) {
                assertThat(pp.start()).isBetween(0, text.length());
                assertThat(pp.end()).isBetween(pp.start(), text.length());
            }
        }
    }

    static String mutate(String s, Random rnd) {
        switch (rnd.nextInt(5)) {
            case 0 -> {
                return s.substring(0, rnd.nextInt(s.length() + 1));
            }
            case 1 -> {
                StringBuilder sb = new StringBuilder(s);
                for (int i = 0; i < 1 + rnd.nextInt(20); i++) {
                    int at = rnd.nextInt(sb.length() + 1);
                    char c = (char) rnd.nextInt(0x3000);
                    sb.insert(at, rnd.nextBoolean() ? c : "\n(S//NF)¶1.\r".charAt(rnd.nextInt(12)));
                }
                return sb.toString();
            }
            case 2 -> {
                List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
                Collections.shuffle(lines, rnd);
                return String.join("\n", lines);
            }
            case 3 -> {
                return s.replace("\n", "\r\n");
            }
            default -> {
                int a = rnd.nextInt(s.length() + 1);
                int b = Math.min(s.length(), a + rnd.nextInt(200));
                return s.substring(0, a) + s.substring(b);
            }
        }
    }
}
