package org.declass.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Every list that pages, API and page alike, refuses a page or size out of bounds with a 400 naming the parameter:
 * never a 500 (page 2147483647 used to overflow), never everything (size 0).
 */
@QuarkusTest
class PagingBoundsTest {

    /** A list, who may read it, and whether it takes a size (the pages have a fixed one). */
    record PagedList(String path, String user, boolean takesSize) {
        RequestSpecification request() {
            RequestSpecification r = given().redirects().follow(false);
            return user == null ? r : r.auth().preemptive().basic(user, "demo");
        }
    }

    static final List<PagedList> LISTS = List.of(
            new PagedList("/api/cables", "reviewer", true),
            new PagedList("/cables", "reviewer", false),
            new PagedList("/api/audit", "auditor", true),
            new PagedList("/audit", "auditor", false),
            new PagedList("/api/releases", null, true),
            new PagedList("/reading-room", null, false));

    @Test
    void aPageOutOfBoundsIsA400NamingThePageOnEveryList() {
        for (PagedList list : LISTS) {
            for (String page : new String[] {"-1", "2147483647", "9999999999", "abc", "1.5"}) {
                Response r = list.request().queryParam("page", page).get(list.path());
                assertThat(r.statusCode()).as(list.path() + "?page=" + page).isEqualTo(400);
                assertThat(r.asString()).as(list.path() + "?page=" + page)
                        .containsPattern("page (must not be negative|is too deep|must be a whole number)");
            }
        }
    }

    @Test
    void aSizeBelowOneAboveTheBoundOrNotANumberIsA400NamingTheSize() {
        for (PagedList list : LISTS.stream().filter(PagedList::takesSize).toList()) {
            for (String size : new String[] {"0", "-5", "201", "100000", "abc"}) {
                Response r = list.request().queryParam("size", size).get(list.path());
                assertThat(r.statusCode()).as(list.path() + "?size=" + size).isEqualTo(400);
                assertThat(r.jsonPath().getString("message")).as(list.path() + "?size=" + size).startsWith("size ");
            }
        }
    }

    @Test
    void pagesAndSizesWithinTheBoundsAreServed() {
        for (PagedList list : LISTS) {
            list.request().queryParam("page", "0").get(list.path()).then().statusCode(200);
            list.request().queryParam("page", "3").get(list.path()).then().statusCode(200);
        }
        new PagedList("/api/cables", "reviewer", true).request().queryParam("size", 200).get("/api/cables").then()
                .statusCode(200);
        new PagedList("/api/audit", "auditor", true).request().queryParam("size", 1).queryParam("page", 2)
                .get("/api/audit").then().statusCode(200);
    }
}
