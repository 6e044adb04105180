package io.onair.streaming.domain.viewertoken;

import io.onair.streaming.domain.account.Account;
import java.time.Instant;
import java.util.Optional;

/** Where viewer tokens are kept, found by the hash of the secret. */
public interface ViewerTokenRepository {

  void add(ViewerToken token);

  /** The token with that secret, expired or not, with its account. */
  Optional<ViewerToken> findBySecret(ViewerTokenSecret secret);

  /** Deletes the account's tokens that are no longer valid at {@code now}; returns how many. */
  int deleteExpired(Account account, Instant now);
}
