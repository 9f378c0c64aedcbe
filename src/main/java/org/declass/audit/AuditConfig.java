package org.declass.audit;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The audit trail's settings, {@code declass.audit.*}. Every property under the prefix must be a member here:
 * Quarkus refuses to start on an unmapped one (SRCFG00050).
 */
@ConfigMapping(prefix = "declass.audit")
public interface AuditConfig {

    /**
     * {@code declass.audit.checkpoint-key}: the checkpoint signing key; when absent, the key file in the data
     * directory (see {@link AuditKeys}).
     */
    Optional<String> checkpointKey();

    /**
     * {@code declass.audit.checkpoint-interval}: how often the chain head is signed ({@code 5m}, or {@code off});
     * {@link AuditCheckpointJob}'s {@code @Scheduled} reads it by name.
     */
    String checkpointInterval();

    /**
     * {@code declass.audit.sign-in-flush}: how often the failed sign-ins counted in memory are written to the trail,
     * one entry per client address and mechanism ({@code 60s}, or {@code off}: then only at shutdown and when
     * {@link SignInAudit#flush()} is called); {@link SignInAuditJob}'s {@code @Scheduled} reads it by name.
     */
    String signInFlush();
}
