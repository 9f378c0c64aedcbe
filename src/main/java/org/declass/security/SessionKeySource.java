package org.declass.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the key that encrypts the login session cookie, so that sign-ins survive a restart: the environment
 * variable DECLASS_SESSION_KEY when set (required when several instances share a database), else a random key
 * kept in {@code <data-dir>/session.key} (created on first use, readable by the owner only). The key is never
 * logged. Lower ordinal than application.properties, so a configured key wins.
 */
public class SessionKeySource implements ConfigSource {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    private volatile String key;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, getValue(PROPERTY));
    }

    @Override
    public String getValue(String propertyName) {
        if (!PROPERTY.equals(propertyName)) {
            return null;
        }
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
            }
        }
        return key;
    }

    private static String load() {
        String fromEnv = System.getenv("DECLASS_SESSION_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        String dataDir = System.getProperty("declass.data-dir",
                System.getenv().getOrDefault("DECLASS_DATA_DIR", "./data"));
        Path file = Paths.get(dataDir, "session.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            PrivateFiles.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String created = Base64.getEncoder().encodeToString(random);
            PrivateFiles.write(file, created); // 0600 from the first byte
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the session key file " + file, e);
        }
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "declass-session-key";
    }
}
