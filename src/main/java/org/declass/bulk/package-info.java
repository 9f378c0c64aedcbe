/**
 * Find all and redact (issue 18, part 2): every occurrence of a phrase or a regular expression in the portions a
 * reviewer may read, across named cables or the cables a search selects; a preview that changes nothing; redaction
 * cable by cable through the review aggregate ({@link org.declass.review.ReviewService#redactSpans}), audited there
 * with the operation's id in the note; and the undo of a whole operation. See docs/workflow.md, "Find all and
 * redact".
 */
package org.declass.bulk;
