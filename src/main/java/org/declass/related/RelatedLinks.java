package org.declass.related;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.cable.RelatedCables;
import org.declass.security.Reader;

/** The related cables as the cable page and the review screen list them ({@link RelatedCables.Finder}). */
@ApplicationScoped
public class RelatedLinks implements RelatedCables.Finder {

    @Inject
    RelatedService related;

    @Override
    public RelatedCables of(long cableId, Reader reader) {
        RelatedView v = related.related(cableId, reader, 0);
        return new RelatedCables(
                links(v.duplicates(), r -> "same body"),
                links(v.nearDuplicates(), r -> Math.round(r.similarity() * 100) + " % similar"),
                v.sharedPassages().stream().map(q -> new RelatedCables.Link(q.cable().id(), q.cable().reference(),
                        q.passages().stream().map(s -> "¶" + s.here() + " = ¶" + s.there() + " there")
                                .collect(java.util.stream.Collectors.joining(", ")))).toList(),
                links(v.references(), r -> null),
                links(v.referencedBy(), r -> null));
    }

    private static List<RelatedCables.Link> links(List<RelatedView.Related> rows,
                                                  java.util.function.Function<RelatedView.Related, String> note) {
        return rows.stream().map(r -> new RelatedCables.Link(r.id(), r.reference(), note.apply(r))).toList();
    }
}
