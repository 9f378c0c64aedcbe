/**
 * Users, roles, clearances, password hashing, the current reader and the access policy that decides who sees
 * which portion. Depends only on the marking vocabulary.
 */
package org.declass.security;
