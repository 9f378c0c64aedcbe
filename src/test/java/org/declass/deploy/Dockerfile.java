package org.declass.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/docker/Dockerfile.jvm read as Docker reads it: comments dropped, lines joined at a trailing backslash, one
 * instruction per logical line. Only what the deploy tests ask: FROM, ENV, EXPOSE, RUN, HEALTHCHECK, ENTRYPOINT.
 */
record Dockerfile(List<Instruction> instructions) {

    static final Path JVM = Path.of("deploy/docker/Dockerfile.jvm");

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read(Path file) {
        try {
            List<Instruction> out = new ArrayList<>();
            StringBuilder logical = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("#") || (t.isEmpty() && logical.isEmpty())) {
                    continue; // a comment line, even inside a continued instruction, is dropped
                }
                if (t.endsWith("\\")) {
                    logical.append(t, 0, t.length() - 1).append(' ');
                    continue;
                }
                logical.append(t);
                String s = logical.toString().strip();
                logical.setLength(0);
                if (s.isEmpty()) {
                    continue;
                }
                int space = s.indexOf(' ');
                out.add(new Instruction(s.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                        s.substring(space + 1).strip()));
            }
            return new Dockerfile(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    String only(String keyword) {
        List<String> found = all(keyword);
        if (found.size() != 1) {
            throw new AssertionError(JVM + " should have one " + keyword + ", has " + found.size());
        }
        return found.get(0);
    }

    /** FROM's image, e.g. eclipse-temurin:17-jre-noble. */
    String baseImage() {
        return only("FROM").split("\\s+")[0];
    }

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S*))");

    /** Every ENV in the key=value form, in order. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : all("ENV")) {
            Matcher m = ENV_PAIR.matcher(args);
            while (m.find()) {
                String v = m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(4) != null ? m.group(4) : m.group(5);
                env.put(m.group(1), v);
            }
        }
        return env;
    }

    List<Integer> exposedPorts() {
        return all("EXPOSE").stream().flatMap(a -> List.of(a.split("\\s+")).stream())
                .map(p -> Integer.parseInt(p.replaceAll("/tcp$", ""))).toList();
    }

    /** The HEALTHCHECK's command in its shell form (the text after CMD). */
    String healthCheckCommand() {
        String h = only("HEALTHCHECK");
        int cmd = h.indexOf("CMD ");
        if (cmd < 0) {
            throw new AssertionError("HEALTHCHECK without CMD: " + h);
        }
        return h.substring(cmd + 4).strip();
    }

    /** The ENTRYPOINT in its exec (JSON) form. */
    List<String> entrypoint() {
        try {
            return new ObjectMapper().readValue(only("ENTRYPOINT"), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new AssertionError("ENTRYPOINT is not a JSON array: " + only("ENTRYPOINT"), e);
        }
    }

    /** The one RUN whose command contains the text. */
    String run(String containing) {
        List<String> found = all("RUN").stream().filter(r -> r.contains(containing)).toList();
        if (found.size() != 1) {
            throw new AssertionError(JVM + " should have one RUN with " + containing + ", has " + found.size());
        }
        return found.get(0);
    }

    /** src/main/resources/application.properties, the values without a profile. */
    static Properties applicationProperties() {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static int httpPort() {
        return Integer.parseInt(applicationProperties().getProperty("quarkus.http.port", "8080"));
    }

    static int managementPort() {
        return Integer.parseInt(applicationProperties().getProperty("quarkus.management.port", "9000"));
    }
}
