package io.onair.streaming.domain.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who signs in to the portal. The password is stored as the PBKDF2 hash that Jakarta
 * Security's database identity store verifies; the clear password never reaches this class.
 */
@Entity
@Table(name = "account")
public class Account {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username", nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 16)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  protected Account() {}

  public Account(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username must be 1 to 64 of A-Z, a-z, 0-9, '.', '_', '@', '-'");
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("an account needs at least one role");
    }
    this.username = username;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.roles = EnumSet.copyOf(roles);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public Set<Role> roles() {
    return Set.copyOf(roles);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
