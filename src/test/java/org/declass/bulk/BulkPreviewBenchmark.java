package org.declass.bulk;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.declass.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 18, part 4: "a bulk preview over 10,000 cables answers within 2 s". Printed, asserting nothing; the normal
 * test run skips *Benchmark classes.
 * <pre>./mvnw test -Dtest=BulkPreviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Ddeclass.bench=true</pre>
 * Writes 10,000 generated cables ({@code -Ddeclass.bench.cables=} to change) with raw JDBC into the test database:
 * eight paragraphs of about 400 characters each, marked (U), (C), (S) or (S//NF), with a name in one paragraph of
 * twenty (a third of them across a line break, some in capitals). Then previews the name, and a pattern, across all
 * of them: through the service and through the API, as a SECRET NOFORN-eligible reviewer and as a CONFIDENTIAL one.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "declass.bench", matches = "true")
class BulkPreviewBenchmark {

    static final String HEADER_JSON = "{\"partial\":false,\"sections\":1,\"captions\":[],\"declassRaw\":\"DECL: 2019\","
            + "\"declassOrder\":\"12958\",\"exemptions\":[],\"declassEvent\":null,\"references\":[],"
            + "\"classifiedByName\":null,\"classifiedByTitle\":null,\"classifiedByOffice\":null,\"reasons\":[],"
            + "\"entireText\":null,\"subjectMark\":null,\"dateHint\":null}";

    static final String[] WORDS = ("the of and to in a that embassy ministry said officials government minister"
            + " political economic told would not will has was for on with by as party president new security"
            + " contact noted poloff meeting election port harbor dispute contract invented fictional council"
            + " parliament opposition reform budget agreement delegation visit regional border trade energy").split(" ");

    @Inject
    AgroalDataSource ds;

    @Inject
    BulkService bulk;

    @Inject
    BulkCables loader;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    org.declass.cable.CableService cables;

    @Test
    void previewFigures() throws Exception {
        int total = Integer.getInteger("declass.bench.cables", 10_000);
        long t0 = System.nanoTime();
        List<Long> ids = insert(total);
        System.out.printf("%nBULK PREVIEW BENCHMARK %s, load before: %s%n", Instant.now(), load());
        System.out.printf("populated %,d cables, %,d paragraphs, with raw JDBC in %.1f s%n", total, total * 8,
                (System.nanoTime() - t0) / 1e9);

        Reader secret = new Reader("reviewer", Set.of(Roles.REVIEWER), ClassificationLevel.SECRET, true, false);
        Reader confidential = new Reader("reviewer2", Set.of(Roles.REVIEWER), ClassificationLevel.CONFIDENTIAL,
                false, false);
        BulkRequest phrase = new BulkRequest(null, "Farrukh Sattarov", ids, null, null, null, true, null);
        BulkRequest pattern = new BulkRequest("(?i)sattarov\\w*", null, ids, null, null, null, true, null);
        for (int i = 0; i < 3; i++) {
            bulk.preview(phrase, secret); // warm-up: the first runs compile the hot paths
        }
        run("reading the cables alone (BulkCables.load)", () -> loader.load(ids).size() + " cables read");
        parts(ids);
        run("service, phrase, SECRET NOFORN reviewer", () -> bulk.preview(phrase, secret));
        run("service, phrase, CONFIDENTIAL reviewer", () -> bulk.preview(phrase, confidential));
        run("service, pattern, SECRET NOFORN reviewer", () -> bulk.preview(pattern, secret));
        Map<String, Object> body = Map.of("phrase", "Farrukh Sattarov", "cables", ids, "preview", true);
        run("API POST /api/redactions/bulk, phrase, reviewer", () -> {
            String answer = given().auth().preemptive().basic("reviewer", "demo").contentType(ContentType.JSON)
                    .body(body).post("/api/redactions/bulk").then().statusCode(200).extract().asString();
            return answer.length() + " bytes";
        });
        System.out.printf("load after: %s%n", load());
    }

    /** The queries of BulkCables.load, each timed over all the chunks. */
    private void parts(List<Long> ids) {
        for (int round = 0; round < 2; round++) {
            long[] ms = new long[5];
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                for (int from = 0; from < ids.size(); from += 500) {
                    List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                    long t = System.nanoTime();
                    em.createQuery("select p.cable.id, p.seq, p.number, p.sub, p.effectiveLevelRank,"
                            + " p.foreignRestricted, p.text from Paragraph p where p.cable.id in :ids"
                            + " order by p.cable.id, p.seq", Object[].class).setParameter("ids", chunk).getResultList();
                    ms[0] += System.nanoTime() - t;
                    t = System.nanoTime();
                    cables.headers(chunk);
                    ms[1] += System.nanoTime() - t;
                    t = System.nanoTime();
                    cables.headerPortionRows(chunk);
                    ms[2] += System.nanoTime() - t;
                    t = System.nanoTime();
                    em.createQuery("select c from org.declass.cable.Cable c where c.id in :ids",
                            org.declass.cable.Cable.class).setParameter("ids", chunk).getResultList();
                    ms[3] += System.nanoTime() - t;
                    t = System.nanoTime();
                    em.createQuery("select r.cable.id, r from Redaction r where r.cable.id in :ids", Object[].class)
                            .setParameter("ids", chunk).getResultList();
                    ms[4] += System.nanoTime() - t;
                    em.clear();
                }
            });
            System.out.printf("the reading's parts (ms): paragraphs %d, header details %d, header decisions %d,"
                    + " cable entities %d, redactions %d%n", ms[0] / 1_000_000, ms[1] / 1_000_000,
                    ms[2] / 1_000_000, ms[3] / 1_000_000, ms[4] / 1_000_000);
        }
    }

    private interface Run {
        Object once();
    }

    private static void run(String what, Run r) {
        List<Double> ms = new ArrayList<>();
        Object last = null;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            last = r.once();
            ms.add((System.nanoTime() - s) / 1e6);
        }
        String result = last instanceof BulkPreview p ? p.occurrences() + " occurrences in " + p.searched()
                + " cables (" + p.items().size() + " listed)" : String.valueOf(last);
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf("%-50s runs (ms): %s; median %.0f ms, max %.0f ms; %s%n", what,
                ms.stream().map(d -> String.format("%.0f", d)).toList(), sorted.get(2), sorted.get(4), result);
    }

    private List<Long> insert(int count) throws Exception {
        Random random = new Random(18);
        List<Long> ids = new ArrayList<>(count);
        String sql = "INSERT INTO cable (reference, origin, serial, cable_date, level_rank, controls, banner,"
                + " cable_wide_noforn, subject, subject_level_rank, subject_foreign_restricted, tags, declass_kind,"
                + " declass_date, state, version, paragraph_count, error_count, finding_count, sha256, size_bytes,"
                + " ingested_at, ingested_by) VALUES (?, 'BENCHPOST', ?, ?, 2, 'NOFORN', 'SECRET//NOFORN', FALSE, ?,"
                + " 1, FALSE, 'PGOV', 'DATE', ?, 'NEW', 0, 8, 0, 0, ?, 4000, ?, 'system:bench')";
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cable = c.prepareStatement(sql, new String[] {"ID"});
                 PreparedStatement text = c.prepareStatement("INSERT INTO cable_text (cable_id, original,"
                         + " header_json) VALUES (?, ?, ?)");
                 PreparedStatement para = c.prepareStatement("INSERT INTO paragraph (cable_id, seq, number, sub,"
                         + " heading, mark_level_rank, mark_controls, effective_level_rank, foreign_restricted,"
                         + " start_offset, end_offset, text) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, 0, 1, ?)")) {
                for (int start = 0; start < count; start += 1000) {
                    int n = Math.min(1000, count - start);
                    for (int i = 0; i < n; i++) {
                        String ref = "09BULKBENCH" + (start + i);
                        cable.setString(1, ref);
                        cable.setString(2, String.valueOf(start + i));
                        cable.setDate(3, Date.valueOf(LocalDate.of(2009, 1, 1).plusDays(i % 365)));
                        cable.setString(4, "INVENTED SUBJECT " + ref);
                        cable.setDate(5, Date.valueOf(LocalDate.of(2019, 1, 1)));
                        cable.setString(6, String.format("%064x", (long) (start + i) + 1_000_000_000L));
                        cable.setTimestamp(7, now);
                        cable.addBatch();
                    }
                    cable.executeBatch();
                    try (ResultSet keys = cable.getGeneratedKeys()) {
                        while (keys.next()) {
                            long id = keys.getLong(1);
                            ids.add(id);
                            text.setLong(1, id);
                            text.setString(2, "S E C R E T BENCHPOST\n\n(generated)\n");
                            text.setString(3, HEADER_JSON);
                            text.addBatch();
                            for (int seq = 1; seq <= 8; seq++) {
                                int level = random.nextInt(3);
                                boolean nf = level == 2 && random.nextBoolean();
                                para.setLong(1, id);
                                para.setInt(2, seq);
                                para.setInt(3, seq);
                                para.setInt(4, level);
                                para.setString(5, nf ? "NOFORN" : "");
                                para.setInt(6, level);
                                para.setBoolean(7, nf);
                                para.setString(8, paragraph(random));
                                para.addBatch();
                            }
                        }
                    }
                    text.executeBatch();
                    para.executeBatch();
                    c.commit();
                }
            }
        }
        return ids;
    }

    /** About 400 characters of words in lines of about 60, with the name in one paragraph of twenty. */
    static String paragraph(Random random) {
        StringBuilder sb = new StringBuilder();
        int line = 0;
        boolean named = random.nextInt(20) == 0;
        int nameAt = named ? random.nextInt(50) : -1;
        for (int w = 0; sb.length() < 400; w++) {
            String word = w == nameAt ? switch (random.nextInt(3)) {
                case 0 -> "Farrukh\nSattarov";
                case 1 -> "FARRUKH SATTAROV";
                default -> "Farrukh Sattarov";
            } : WORDS[random.nextInt(WORDS.length)];
            if (line + word.length() > 60) {
                sb.append('\n');
                line = 0;
            } else if (sb.length() > 0) {
                sb.append(' ');
                line++;
            }
            sb.append(word);
            line += word.length();
        }
        return sb.append('.').toString();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
