package org.declass.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.search.DocumentSource;
import org.declass.search.SearchDocument;
import org.declass.security.Classification;

/**
 * The reading room's full-text documents: the latest released version of each released cable, its frozen released
 * text (withheld portions and redacted spans are not in it, only their placeholders), subject, reference and tags,
 * never the stored cable. Paragraphs (blocks between blank lines) are portions, so a phrase never spans two.
 */
@ApplicationScoped
public class ReleasedSearchSource implements DocumentSource {

    public static final String INDEX = "released";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String index() {
        return INDEX;
    }

    @Override
    public boolean portionAware() {
        return false;
    }

    @Override
    public long count() {
        return DocumentSource.countRows(dataSource, "release_listing");
    }

    @Override
    public List<Long> keysAfter(long afterKey, int limit) {
        return DocumentSource.keysAfter(dataSource, "release_listing", "cable_id", afterKey, limit);
    }

    /** The released text's paragraphs: blocks between blank lines, as the snippets number them. */
    static List<String> paragraphs(String releasedText) {
        List<String> out = new ArrayList<>();
        if (releasedText == null) {
            return out;
        }
        for (String block : releasedText.split("\\n\\s*\\n")) {
            if (!block.isBlank()) {
                out.add(block);
            }
        }
        return out;
    }

    @Override
    public List<SearchDocument> load(List<Long> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        List<SearchDocument> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT l.cable_id, l.sort_day, l.reference, l.origin,"
                     + " l.subject, l.tags, v.released_text FROM release_listing l JOIN released_version v"
                     + " ON v.id = l.version_id WHERE l.cable_id IN (" + marks + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setLong(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<SearchDocument.Portion> portions = new ArrayList<>();
                    String origin = rs.getString(4);
                    String tags = rs.getString(6);
                    portions.add(new SearchDocument.Portion(rs.getString(3) + " " + (origin == null ? "" : origin),
                            Classification.UNCLASSIFIED));
                    portions.add(new SearchDocument.Portion(rs.getString(5), Classification.UNCLASSIFIED));
                    if (tags != null) {
                        portions.add(new SearchDocument.Portion(tags.replace(',', ' '), Classification.UNCLASSIFIED));
                    }
                    for (String p : paragraphs(rs.getString(7))) {
                        portions.add(new SearchDocument.Portion(p, Classification.UNCLASSIFIED));
                    }
                    List<SearchDocument.Keyword> keywords = new ArrayList<>();
                    if (origin != null && !origin.isBlank()) {
                        keywords.add(new SearchDocument.Keyword("origin", ReleaseIndex.originTerm(origin)));
                    }
                    if (tags != null) {
                        for (String t : tags.split(",")) {
                            if (!t.isBlank()) {
                                keywords.add(new SearchDocument.Keyword("tag", ReleaseIndex.tagTerm(t)));
                            }
                        }
                    }
                    out.add(new SearchDocument(rs.getLong(1), rs.getInt(2), portions, keywords));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read released cables for the search index: " + e.getMessage(), e);
        }
        return out;
    }
}
