package org.declass.account;

import java.util.List;

/**
 * What an administrator sends to create an account ({@code POST /api/users}: all five required) or to change one
 * ({@code PUT /api/users/{username}}: roles, clearance and noforn; a password only to reset it; the user name, if
 * given, must be the account's). Roles are names of security.Roles; the clearance is a level's name ("SECRET",
 * "TOP SECRET", "TOP_SECRET" or "TS").
 */
public record AccountInput(String username, String password, List<String> roles, String clearance, Boolean noforn) {
}
