/**
 * The review workflow: claiming a cable, marking, dispositioning and redacting its paragraphs, submitting,
 * approving or returning it, holds; the rules that involve people (one claimant, roles, clearance, the two-person
 * rule) and stale-version checks. The state machine itself is {@link org.declass.cable.WorkflowState}.
 */
package org.declass.review;
