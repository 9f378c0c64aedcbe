/**
 * Users, roles, clearances, password hashing, the current reader and the one disclosure decision
 * ({@link org.declass.security.Disclosure}) that decides who receives which portion, note or offset. Depends only
 * on the marking vocabulary ({@code marking}) and the placeholders ({@code redaction}); accounts are created in
 * {@code org.declass.account}.
 */
package org.declass.security;
