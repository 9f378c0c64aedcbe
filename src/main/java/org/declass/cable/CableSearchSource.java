package org.declass.cable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.marking.ClassificationLevel;
import org.declass.search.DocumentSource;
import org.declass.search.SearchDocument;
import org.declass.security.Classification;

/**
 * The cables as the staff search index reads them: the reference and origin (shown to every reader in the list),
 * the subject at its own marking, the tags at the cable's (as the list shows them), and every paragraph, heading and
 * text, at its effective marking (the one every page asks the disclosure decision about). Read with plain JDBC, a
 * thousand cables a query, so that a rebuild of 250,000 cables reads each table once.
 */
@ApplicationScoped
public class CableSearchSource implements DocumentSource {

    public static final String INDEX = "cables";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String index() {
        return INDEX;
    }

    @Override
    public boolean portionAware() {
        return true;
    }

    @Override
    public long count() {
        return DocumentSource.countRows(dataSource, "cable");
    }

    @Override
    public List<Long> keysAfter(long afterKey, int limit) {
        return DocumentSource.keysAfter(dataSource, "cable", "id", afterKey, limit);
    }

    @Override
    public List<SearchDocument> load(List<Long> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        Map<Long, List<SearchDocument.Portion>> paragraphs = new HashMap<>();
        List<SearchDocument> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT cable_id, heading, text, effective_level_rank,"
                    + " foreign_restricted FROM paragraph WHERE cable_id IN (" + marks + ") ORDER BY cable_id, seq")) {
                bind(ps, keys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Classification cl = Classification.of(ClassificationLevel.values()[rs.getShort(4)],
                                rs.getBoolean(5));
                        String heading = rs.getString(2);
                        String text = heading == null || heading.isBlank() ? rs.getString(3)
                                : heading + "\n" + rs.getString(3);
                        paragraphs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new SearchDocument.Portion(text, cl));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, reference, origin, cable_date, level_rank,"
                    + " (cable_wide_noforn = true OR controls LIKE '%NOFORN%' OR controls LIKE '%EXDIS%'"
                    + " OR controls LIKE '%NODIS%'), subject, subject_level_rank, subject_foreign_restricted, tags"
                    + " FROM cable WHERE id IN (" + marks + ")")) {
                bind(ps, keys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        String origin = rs.getString(3);
                        LocalDate date = rs.getObject(4, LocalDate.class);
                        ClassificationLevel level = ClassificationLevel.values()[rs.getShort(5)];
                        List<SearchDocument.Portion> portions = new ArrayList<>();
                        // the reference and origin: every reader sees them in the list
                        portions.add(new SearchDocument.Portion(rs.getString(2) + " " + (origin == null ? "" : origin),
                                Classification.UNCLASSIFIED));
                        portions.add(new SearchDocument.Portion(rs.getString(7),
                                Classification.of(ClassificationLevel.values()[rs.getShort(8)], rs.getBoolean(9))));
                        String tags = rs.getString(10);
                        if (tags != null) {
                            portions.add(new SearchDocument.Portion(tags.replace('|', ' '),
                                    Classification.of(level, rs.getBoolean(6))));
                        }
                        portions.addAll(paragraphs.getOrDefault(id, List.of()));
                        List<SearchDocument.Keyword> keywords = new ArrayList<>();
                        keywords.add(new SearchDocument.Keyword("level", level.name()));
                        if (origin != null) {
                            keywords.add(new SearchDocument.Keyword("origin", origin));
                        }
                        out.add(new SearchDocument(id, date == null ? Long.MIN_VALUE : date.toEpochDay(), portions,
                                keywords));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read cables for the search index: " + e.getMessage(), e);
        }
        return out;
    }

    private static void bind(PreparedStatement ps, List<Long> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            ps.setLong(i + 1, keys.get(i));
        }
    }
}
