package org.declass.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import io.vertx.core.http.HttpServerRequest;
import org.declass.ingest.IngestRejected;
import org.declass.web.ErrorMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

/**
 * One mapping for the shared error kinds: every exception class the application declares answers with a status
 * from {@code ErrorMappers.KINDS} (or carries its own, as IngestRejected does), and the one mapper method handles
 * exactly the classes of that table. A new exception class that is not added there would answer 500.
 */
class ErrorKindsTest {

    static Set<Class<?>> mapped() throws NoSuchMethodException {
        ServerExceptionMapper m = ErrorMappers.class.getMethod("refused", RuntimeException.class,
                HttpServerRequest.class).getAnnotation(ServerExceptionMapper.class);
        return Set.of(m.value());
    }

    @Test
    void everyExceptionClassOfTheApplicationHasAStatus() throws Exception {
        Set<String> unmapped = new TreeSet<>();
        for (JavaClass c : DeclassClasses.MAIN) {
            if (c.isAssignableTo(Throwable.class)) {
                Class<?> type = c.reflect();
                if (!type.equals(IngestRejected.class) && ErrorMappers.statusOf(type) == null) {
                    unmapped.add(type.getName());
                }
            }
        }
        assertThat(unmapped).as("exception classes with no status in ErrorMappers.KINDS").isEmpty();
    }

    @Test
    void theOneMapperHandlesExactlyTheClassesOfTheTable() throws Exception {
        Set<Class<?>> expected = new java.util.HashSet<>(ErrorMappers.KINDS.keySet());
        expected.add(IngestRejected.class);
        assertThat(mapped()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aSubclassAnswersAsItsNearestListedSuperclass() {
        assertThat(ErrorMappers.statusOf(org.declass.review.MarkingRefused.class)).isEqualTo(400);
        assertThat(ErrorMappers.statusOf(org.hibernate.StaleObjectStateException.class)).isEqualTo(409);
        assertThat(ErrorMappers.statusOf(IllegalStateException.class)).isNull();
    }
}
