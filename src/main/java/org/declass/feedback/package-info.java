/**
 * Feedback on a form's action (issue 19, part 3): the one-time message after a redirect ({@link Flash}, a signed
 * short-lived cookie naming a message kind and its arguments, never free text), the confirmation step of weighty
 * actions ({@link Confirmation}), and the refused form shown again with its error and the user's input kept
 * ({@link FormProblem}). Imports no Declass package.
 */
package org.declass.feedback;
