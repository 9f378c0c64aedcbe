package org.declass.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.declass.marking.ClassificationLevel;

/** An account: roles, a clearance and NOFORN eligibility. Passwords are bcrypt hashes (MCF). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Password(PasswordType.MCF)
    @Column(nullable = false, length = 100)
    public String password;

    /** Comma-separated role names (see {@link org.declass.security.Roles}). */
    @Roles
    @Column(nullable = false, length = 200)
    public String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ClassificationLevel clearance;

    @Column(name = "noforn_eligible", nullable = false)
    public boolean nofornEligible;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A disabled account cannot sign in, and its sessions end at its next request. */
    @Column(nullable = false)
    public boolean disabled;

    /** {@link #LOCAL}: signs in with the password here; {@link #SSO}: an identity provider vouches for it. */
    @Column(nullable = false, length = 10)
    public String source = LOCAL;

    /** The TOTP secret (Base32) once the second factor is enrolled; null before. */
    @Column(name = "totp_secret", length = 64)
    public String totpSecret;

    /** The last TOTP time step accepted: a code is accepted once. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    public static final String LOCAL = "LOCAL";
    public static final String SSO = "SSO";

    public static User findByUsername(String username) {
        return find("username", username).firstResult();
    }

    /** Creates and persists an account; the password is hashed with bcrypt. */
    public static User add(String username, String password, Set<String> roles, ClassificationLevel clearance,
                           boolean nofornEligible) {
        for (String role : roles) {
            if (!org.declass.security.Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("unknown role " + role);
            }
        }
        User user = new User();
        user.username = username.toLowerCase(Locale.ROOT);
        user.password = BcryptUtil.bcryptHash(password);
        user.roles = String.join(",", roles);
        user.clearance = clearance;
        user.nofornEligible = nofornEligible;
        user.createdAt = Instant.now();
        user.passwordChangedAt = user.createdAt;
        user.persist();
        return user;
    }

    public List<String> roleList() {
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(roles.split(","))));
    }
}
