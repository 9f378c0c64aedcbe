package org.declass.signin;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.declass.marking.ClassificationLevel;

/** A signed-in browser's session, keyed by the SHA-256 of its cookie token (migration V17). */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(nullable = false, length = 10)
    public String source;

    /** SSO only: the roles the claims gave. */
    @Column(length = 200)
    public String roles;

    /** SSO only: the clearance the claims gave. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public ClassificationLevel clearance;

    /** SSO only. */
    public Boolean noforn;

    /** The password was right; the second factor is still owed. Such a session opens no page but its own. */
    @Column(name = "second_factor_pending", nullable = false)
    public boolean secondFactorPending;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason", length = 20)
    public String endReason;

    @Column(name = "client_address", length = 64)
    public String clientAddress;
}
