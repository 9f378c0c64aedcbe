/**
 * Creating and changing accounts, each change recorded in the audit trail: the first administrator of a new
 * installation and the demo accounts ({@link org.declass.account.AccountService}), and user administration by
 * administrators ({@link org.declass.account.AccountAdmin}, with its API and pages). Above {@code security} (users,
 * roles, clearances, sessions) and {@code audit}, so that {@code security} depends only on the marking vocabulary
 * and the placeholders, and {@code audit} may ask {@code security} what a reader may read.
 */
package org.declass.account;
