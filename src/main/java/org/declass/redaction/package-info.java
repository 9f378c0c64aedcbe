/**
 * Redaction: turning a paragraph's text, its disposition and its redaction spans into the releasable text.
 * Pure Java, no framework: the review screens and, later, every release format use the same {@link
 * org.declass.redaction.Redactor}.
 */
package org.declass.redaction;
