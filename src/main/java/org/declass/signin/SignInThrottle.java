package org.declass.signin;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Failed sign-ins of one subject ('account:name' or 'address:ip') in the current window (migration V17). */
@Entity
@Table(name = "sign_in_throttle")
public class SignInThrottle extends PanacheEntityBase {

    @Id
    @Column(length = 120)
    public String subject;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "blocked_until")
    public Instant blockedUntil;

    @Column(nullable = false)
    public int lockouts;
}
