/**
 * Full-text search: the query language (words, "exact phrases", prefix*, OR, -excluded) and its parser, an embedded
 * Apache Lucene index per searchable collection (the cables for staff, portion by portion; the released texts for the
 * reading room) kept in step with the database through the {@code search_change} table, and snippets with the hits
 * marked. Which portions a reader may match is the one disclosure decision's ({@code security.Disclosure#audiences}).
 * Imports only {@code security} and {@code marking}; see docs/search.md.
 */
package org.declass.search;
