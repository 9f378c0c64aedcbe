package org.declass.cable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.declass.marking.Finding;
import org.declass.marking.Suggestion;
import org.declass.marking.Severity;

/** A stored finding about one cable; messages never hold classified text. */
@Entity
@Table(name = "cable_finding")
public class CableFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cable_id")
    private Cable cable;

    @Column(nullable = false, length = 40)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Severity severity;

    @Column(nullable = false, length = 1000)
    private String message;

    private Integer line;

    @Column(name = "paragraph_seq")
    private Integer paragraphSeq;

    @Column(name = "suggestion_action", length = 40)
    private String suggestionAction;

    @Column(name = "suggestion_label", length = 300)
    private String suggestionLabel;

    @Column(name = "suggestion_mark", length = 100)
    private String suggestionMark;

    protected CableFinding() {
    }

    public CableFinding(Finding finding) {
        this.code = finding.code();
        this.severity = finding.severity();
        String m = finding.message();
        this.message = m.length() <= 1000 ? m : m.substring(0, 1000);
        this.line = finding.line();
        this.paragraphSeq = finding.paragraph();
        if (finding.suggestion() != null) {
            this.suggestionAction = finding.suggestion().action();
            String label = finding.suggestion().label();
            this.suggestionLabel = label.length() <= 300 ? label : label.substring(0, 300);
            this.suggestionMark = finding.suggestion().mark();
        }
    }

    void attachTo(Cable owner) {
        this.cable = owner;
    }

    public Finding toFinding() {
        Suggestion suggestion = suggestionAction == null ? null
                : new Suggestion(suggestionAction, suggestionLabel, suggestionMark);
        return new Finding(code, severity, message, line, paragraphSeq, suggestion);
    }

    public String getCode() {
        return code;
    }

    public Severity getSeverity() {
        return severity;
    }
}
