package org.declass.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.declass.ingest.generate.CorpusProfile.Header;
import org.declass.ingest.generate.CorpusProfile.Kind;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.ParseHints;
import org.declass.ingest.parser.ParseResult;
import org.declass.ingest.parser.ParsedCable;
import org.junit.jupiter.api.Test;

class CableGeneratorTest {

    @Test
    void sameSeedSameCablesOtherSeedOtherCables() {
        CableGenerator a = new CableGenerator(42);
        CableGenerator b = new CableGenerator(42);
        CableGenerator c = new CableGenerator(43);
        boolean differs = false;
        for (int i = 0; i < 300; i++) {
            CableGenerator.Generated x = a.next();
            assertThat(b.next().text()).isEqualTo(x.text());
            differs |= !c.next().text().equals(x.text());
        }
        assertThat(differs).isTrue();
    }

    @Test
    void distributionsFollowTheCollection() {
        CableGenerator g = new CableGenerator(7);
        int n = 2_000;
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        Map<Header, Integer> headers = new EnumMap<>(Header.class);
        Map<String, Integer> decl = new HashMap<>();
        Set<String> refs = new HashSet<>();
        Set<String> origins = new HashSet<>();
        long bytes = 0;
        int recent = 0;
        for (int i = 0; i < n; i++) {
            CableGenerator.Generated c = g.next();
            kinds.merge(c.kind(), 1, Integer::sum);
            headers.merge(c.header(), 1, Integer::sum);
            decl.merge(c.declKind(), 1, Integer::sum);
            assertThat(refs.add(c.reference())).as("unique reference %s", c.reference()).isTrue();
            origins.add(c.origin());
            bytes += c.text().length();
            if (c.date().getYear() >= 2004) {
                recent++;
            }
        }
        assertThat(share(kinds.getOrDefault(Kind.UNCLASSIFIED, 0) + kinds.getOrDefault(Kind.UNCLASSIFIED_FOUO, 0), n))
                .isBetween(0.49, 0.58);
        assertThat(share(kinds.getOrDefault(Kind.CONFIDENTIAL, 0) + kinds.getOrDefault(Kind.CONFIDENTIAL_NOFORN, 0), n))
                .isBetween(0.36, 0.45);
        assertThat(share(kinds.getOrDefault(Kind.SECRET, 0) + kinds.getOrDefault(Kind.SECRET_NOFORN, 0), n))
                .isBetween(0.04, 0.09);
        assertThat(share(headers.getOrDefault(Header.ACP127, 0), n)).isBetween(0.72, 0.82);
        assertThat(share(headers.getOrDefault(Header.PARTIAL, 0), n)).isBetween(0.16, 0.23);
        assertThat(recent / (double) n).isBetween(0.92, 0.97);
        assertThat(origins.size()).isGreaterThan(150);
        assertThat(bytes / n).as("average size").isBetween(6_000L, 11_000L);
        assertThat(decl.get("DATE")).isGreaterThan(decl.getOrDefault("EXEMPTION", 0));
    }

    @Test
    void generatedCablesParseAsIntended() {
        CableGenerator g = new CableGenerator(3);
        CableParser parser = new CableParser();
        int disagreements = 0;
        for (int i = 0; i < 1_500; i++) {
            CableGenerator.Generated c = g.next();
            ParseResult r = parser.parse(c.text(), new ParseHints(c.reference(), null));
            assertThat(r).as("%s parses:%n%s", c.reference(), c.text()).isInstanceOf(ParseResult.Parsed.class);
            ParsedCable p = ((ParseResult.Parsed) r).cable();
            assertThat(p.banner()).as("%s banner%n%s", c.reference(), c.text()).isEqualTo(c.banner());
            assertThat(p.reference()).isEqualTo(c.reference());
            if (p.findings().stream().anyMatch(f -> f.code().startsWith("R-LVL"))) {
                disagreements++;
            }
            // without hints the text itself names the same reference whenever it carries a date
            if (c.header() == Header.ACP127) {
                ParsedCable bare = ((ParseResult.Parsed) parser.parse(c.text(), ParseHints.NONE)).cable();
                assertThat(bare.reference()).isEqualTo(c.reference());
                assertThat(bare.date()).isEqualTo(c.date());
            }
        }
        assertThat(disagreements).as("portion marks mostly agree with the banner").isLessThan(1_500 / 20);
    }

    private static double share(int k, int n) {
        return k / (double) n;
    }

    @SuppressWarnings("unused")
    private static List<String> unused() {
        return List.of();
    }
}
