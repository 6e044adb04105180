package io.onair.streaming.application;

import jakarta.ejb.ApplicationException;

/**
 * The signed-in caller has no account here, which only an identity store other than the account
 * tables (or an account deleted mid-session) can bring about: nothing can be issued to them.
 */
@ApplicationException
public class AccountNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccountNotFoundException(String username) {
    super("no account named '" + username + "'");
  }
}
