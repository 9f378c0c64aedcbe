/**
 * How a request proves who sent it: {@link org.declass.signin.SessionAuthMechanism} reads the session cookie of a
 * browser signed in through the login page (server-side sessions, {@link org.declass.signin.WebSessions}) or the
 * HTTP Basic credentials of an API client; {@link org.declass.signin.SignInGuard} throttles guessing,
 * {@link org.declass.signin.Passwords} checks at equal cost, {@link org.declass.signin.Totp} and
 * {@link org.declass.signin.SecondFactorPolicy} ask a second factor. What a signed-in reader may then see is
 * {@code security}'s decision. Imports {@code security} (accounts and roles) and the vocabulary, no feature.
 */
package org.declass.signin;
