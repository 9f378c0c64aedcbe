/**
 * What an operator watches: the application's own meters for Prometheus (the release sweep, the bulk import, the
 * audit chain and its checkpoints, failed sign-ins), the latency buckets of the HTTP server's requests, and the
 * request id that ties a request's log lines, its response and its audit entries together. Features call these
 * beans with counts and durations, never with cable text, ids or references; imports no Declass package. See
 * docs/operations.md, "Monitoring".
 */
package org.declass.metrics;
