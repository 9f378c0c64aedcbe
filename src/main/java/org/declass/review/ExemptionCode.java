package org.declass.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One code a reviewer may cite (25X1, 50X1-HUM, X5, (b)(1), ...), with its scheme and description. */
@Entity
@Table(name = "exemption_code")
public class ExemptionCode {

    @Id
    @Column(length = 20)
    private String code;

    @Column(nullable = false, length = 40)
    private String scheme;

    @Column(nullable = false, length = 1000)
    private String description;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected ExemptionCode() {
    }

    public ExemptionCode(String code, String scheme, String description, int sortOrder) {
        this.code = code;
        this.scheme = scheme;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    public void describe(String scheme, String description, int sortOrder) {
        this.scheme = scheme;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    public String getCode() {
        return code;
    }

    public String getScheme() {
        return scheme;
    }

    public String getDescription() {
        return description;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
