/**
 * Creating accounts: the first administrator of a new installation and the demo accounts, each recorded in the
 * audit trail (ACCOUNT_CREATED). Above {@code security} (users, roles, clearances) and {@code audit}, so that
 * {@code security} depends only on the marking vocabulary and the placeholders, and {@code audit} may ask
 * {@code security} what a reader may read.
 */
package org.declass.account;
