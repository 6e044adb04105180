package io.onair.streaming.domain.viewertoken;

import io.onair.streaming.domain.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A viewer token of an account, as its hash. It lets a player watch for a fixed time; there is no
 * renewing it: the person asks for a new one.
 */
@Entity
@Table(name = "viewer_token")
public class ViewerToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "account_id", nullable = false)
  private Account account;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected ViewerToken() {}

  public ViewerToken(
      Account account, ViewerTokenSecret secret, Instant issuedAt, Duration timeToLive) {
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException(
          "a viewer token must live longer than zero, was " + timeToLive);
    }
    this.account = Objects.requireNonNull(account);
    this.tokenHash = secret.hash();
    this.issuedAt = Objects.requireNonNull(issuedAt);
    this.expiresAt = issuedAt.plus(timeToLive);
  }

  /** Valid from its issue up to, not including, its expiry. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public Long id() {
    return id;
  }

  public Account account() {
    return account;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
