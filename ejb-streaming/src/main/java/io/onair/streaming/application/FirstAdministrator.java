package io.onair.streaming.application;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.AccountRepository;
import io.onair.streaming.domain.account.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator on the first start, from configuration ({@code
 * onair.admin.username}, {@code onair.admin.password}; as environment variables {@code
 * ONAIR_ADMIN_USERNAME}, {@code ONAIR_ADMIN_PASSWORD}). Once any administrator exists, the
 * configuration is ignored: changing it cannot reset a password behind the administrators' backs.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrationBean")
public class FirstAdministrator {

  private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

  /** Parameters of the stored PBKDF2 hashes; verification reads them back from each hash. */
  static final Map<String, String> PASSWORD_HASH_PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "64");

  private static final int MIN_PASSWORD_LENGTH = 12;

  @Inject private AccountRepository accounts;
  @Inject private Pbkdf2PasswordHash passwordHash;

  @Inject
  @ConfigProperty(name = "onair.admin.username", defaultValue = "admin")
  private String username;

  @Inject
  @ConfigProperty(name = "onair.admin.password")
  private Optional<String> password;

  @Inject private Clock clock;

  @PostConstruct
  void createIfNone() {
    if (accounts.anyWithRole(Role.ADMIN)) {
      return;
    }
    if (password.isEmpty() || password.get().isBlank()) {
      LOG.warning(
          "No administrator exists and none is configured: set ONAIR_ADMIN_PASSWORD (and"
              + " optionally ONAIR_ADMIN_USERNAME) and restart to create one.");
      return;
    }
    if (password.get().length() < MIN_PASSWORD_LENGTH) {
      LOG.severe(
          "ONAIR_ADMIN_PASSWORD is shorter than "
              + MIN_PASSWORD_LENGTH
              + " characters; no administrator was created.");
      return;
    }
    passwordHash.initialize(PASSWORD_HASH_PARAMETERS);
    String hash = passwordHash.generate(password.get().toCharArray());
    accounts.add(new Account(username, hash, EnumSet.of(Role.ADMIN), clock.instant()));
    LOG.info(() -> "Created the first administrator, '" + username + "'.");
  }
}
