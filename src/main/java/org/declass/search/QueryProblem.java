package org.declass.search;

/** A query that cannot be read: the message names the problem and where it is (a 400, never a 500). */
public class QueryProblem extends IllegalArgumentException {

    public QueryProblem(String message) {
        super(message);
    }
}
