package io.onair.streaming.application;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.AccountRepository;
import io.onair.streaming.domain.account.Role;
import io.onair.streaming.domain.viewertoken.ViewerToken;
import io.onair.streaming.domain.viewertoken.ViewerTokenRepository;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issuing viewer tokens: anyone signed in gets one for themselves, to watch with an RTMP player. A
 * token lives {@code onair.viewer-token.ttl} (ISO-8601, default PT12H, a working day).
 */
@Stateless
@RolesAllowed({Role.Names.VIEWER, Role.Names.BROADCASTER, Role.Names.ADMIN})
public class ViewerTokenService {

  private static final Logger LOG = Logger.getLogger(ViewerTokenService.class.getName());

  @Inject private ViewerTokenRepository tokens;
  @Inject private AccountRepository accounts;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "onair.viewer-token.ttl", defaultValue = "PT12H")
  private Duration timeToLive;

  @Resource private SessionContext caller;

  public ViewerTokenService() {}

  /** Outside the container (tests), where there is no caller: see {@link #issueFor}. */
  ViewerTokenService(
      ViewerTokenRepository tokens, AccountRepository accounts, Clock clock, Duration timeToLive) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.clock = clock;
    this.timeToLive = timeToLive;
  }

  /** Issues a token to the caller; its secret is in the result and nowhere else. */
  public IssuedViewerToken issue() {
    return issueFor(caller.getCallerPrincipal().getName());
  }

  /**
   * Issues a token to an account. Its expired tokens are deleted first: the table then holds, per
   * account, only what it was issued within the last time-to-live, however long it is used.
   */
  IssuedViewerToken issueFor(String username) {
    Account account =
        accounts.find(username).orElseThrow(() -> new AccountNotFoundException(username));
    Instant now = clock.instant();
    int deleted = tokens.deleteExpired(account, now);
    ViewerTokenSecret secret = ViewerTokenSecret.generate();
    ViewerToken token = new ViewerToken(account, secret, now, timeToLive);
    tokens.add(token);
    LOG.info(
        () ->
            "Issued viewer token "
                + token.id()
                + " to "
                + username
                + ", valid until "
                + token.expiresAt()
                + (deleted > 0 ? "; deleted " + deleted + " expired" : ""));
    return new IssuedViewerToken(secret.reveal(), token.expiresAt());
  }
}
