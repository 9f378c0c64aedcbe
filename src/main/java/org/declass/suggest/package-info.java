/**
 * Suggested redactions: detectors that propose spans of a portion's text to withhold (personal names with their
 * titles, phone numbers, e-mail addresses, passport and identity numbers, and the names the cable itself marks
 * PROTECT), each with its kind, a suggested exemption code and a confidence; and the memory of the suggestions a
 * reviewer rejected. The detectors are plain Java over text (Google's libphonenumber for phone numbers) and never
 * see a portion the reader may not read: {@code review.ReviewService} hands them only portions the disclosure
 * decision lets through, and turns an accepted suggestion into a redaction through the review aggregate. See
 * docs/suggestions.md.
 */
package org.declass.suggest;
