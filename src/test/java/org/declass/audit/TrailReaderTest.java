package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parallel readers of a verification: ranges of the trail on several connections, read and hashed at once,
 * checked in order. {@link AuditTamperTest} runs every tampering case through them too (AuditTestDatabase.verify).
 */
class TrailReaderTest {

    AuditTestDatabase db;

    @BeforeEach
    void aTrailOfTwoHundredEntries() throws Exception {
        db = new AuditTestDatabase();
        db.append(150);
        db.checkpoint();
        db.append(50);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(db.url, "declass", "declass");
    }

    @Test
    void everyEntryIsCheckedOnceInOrderWhateverTheRangesAndReaders() {
        for (int threads : new int[] {1, 2, 3, 7}) {
            for (int page : new int[] {1, 7, 64, 200, 5000}) {
                VerifyReport r = new ChainVerifier(AuditTestDatabase.SIGNER).verify(db.connection, this::open,
                        threads, page);
                assertThat(r.ok()).as("%d readers, ranges of %d", threads, page).isTrue();
                assertThat(r.checked()).as("%d readers, ranges of %d", threads, page).isEqualTo(200);
            }
        }
    }

    @Test
    void entriesAppendedWhileTheReadersReadAreCheckedToo() {
        AtomicInteger opened = new AtomicInteger();
        VerifyReport r = new ChainVerifier(AuditTestDatabase.SIGNER).verify(db.connection, () -> {
            // the bounds are read before any reader opens its connection: these entries come after them
            if (opened.getAndIncrement() == 0) {
                try {
                    db.append(7);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return open();
        }, 2, 16);
        assertThat(r.ok()).isTrue();
        assertThat(r.checked()).isEqualTo(207);
    }

    @Test
    void aForgedEntryFarAheadIsNamedWithoutReadingTheEmptyRangesUpToIt() throws Exception {
        try (PreparedStatement ps = db.connection.prepareStatement(AuditRows.INSERT)) {
            AuditTestDatabase.insert(ps, AuditTestDatabase.sample(4_000_000_000L, Instant.now(), db.headHash,
                    "e".repeat(64)));
            ps.executeUpdate();
        }
        AtomicInteger opened = new AtomicInteger();
        VerifyReport r = new ChainVerifier(AuditTestDatabase.SIGNER).verify(db.connection, () -> {
            opened.incrementAndGet();
            return open();
        }, 2, 10);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).isEqualTo(VerifyReport.MISSING);
        assertThat(r.firstBroken()).isEqualTo(201);
        assertThat(r.detail()).contains("entries 201 to 3999999999 are missing");
        assertThat(opened).as("a sparse trail is read on the caller's connection").hasValue(0);
    }

    @Test
    void aReaderThatCannotConnectFailsTheVerificationWithTheReason() {
        assertThatThrownBy(() -> new ChainVerifier(AuditTestDatabase.SIGNER).verify(db.connection, () -> {
            throw new SQLException("connection refused by test");
        }, 2, 16)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read the audit trail")
                .hasMessageContaining("connection refused by test");
    }

    @Test
    void aProblemInTheFirstRangeStopsTheReadersAndFreesTheirConnections() throws Exception {
        db.dropTriggers();
        db.exec("UPDATE audit_entry SET note = 'rewritten' WHERE seq = 3");
        AtomicInteger open = new AtomicInteger();
        VerifyReport r = new ChainVerifier(AuditTestDatabase.SIGNER).verify(db.connection, () -> {
            open.incrementAndGet();
            Connection c = open();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }, 3, 5);
        assertThat(r.problem()).isEqualTo(VerifyReport.ALTERED);
        assertThat(r.firstBroken()).isEqualTo(3);
        assertThat(open).as("every reader's connection is closed when the verification returns").hasValue(0);
    }
}
