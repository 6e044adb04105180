package io.onair.streaming.domain.account;

import java.util.Optional;

/** Where accounts are kept. */
public interface AccountRepository {

  void add(Account account);

  Optional<Account> find(String username);

  /** Whether any account holds the role; used to create the first administrator only once. */
  boolean anyWithRole(Role role);
}
