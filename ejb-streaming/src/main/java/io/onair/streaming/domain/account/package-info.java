/** People who sign in to the portal, with their roles. Passwords are kept as PBKDF2 hashes. */
package io.onair.streaming.domain.account;
