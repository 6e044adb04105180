package io.onair.portal.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Accounts from the database: a username's PBKDF2 password hash and its roles. What the built-in
 * database identity store does, plus {@link VerifiedCredentials}: HTTP Basic sends the password
 * with every request, and players send many.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  private static final String PASSWORD_HASH =
      "select password_hash from account where username = ?";
  private static final String ROLES =
      "select r.role from account_role r join account a on a.id = r.account_id"
          + " where a.username = ?";

  @Resource(lookup = "jdbc/onair")
  private DataSource database;

  @Inject private Pbkdf2PasswordHash passwordHash;

  private final VerifiedCredentials verified = new VerifiedCredentials(Clock.systemUTC());

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String username = credential.getCaller();
    char[] password = credential.getPassword().getValue();
    Optional<VerifiedCredentials.Caller> known = verified.lookUp(username, password);
    if (known.isPresent()) {
      return new CredentialValidationResult(known.get().name(), known.get().groups());
    }
    try (Connection c = database.getConnection()) {
      Optional<String> hash = passwordHash(c, username);
      if (hash.isEmpty() || !passwordHash.verify(password, hash.get())) {
        return CredentialValidationResult.INVALID_RESULT;
      }
      Set<String> roles = roles(c, username);
      verified.remember(username, password, username, roles);
      return new CredentialValidationResult(username, roles);
    } catch (SQLException e) {
      throw new IllegalStateException("the account database cannot be read", e);
    }
  }

  private static Optional<String> passwordHash(Connection c, String username) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(PASSWORD_HASH)) {
      q.setString(1, username);
      try (ResultSet row = q.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    }
  }

  private static Set<String> roles(Connection c, String username) throws SQLException {
    Set<String> roles = new HashSet<>();
    try (PreparedStatement q = c.prepareStatement(ROLES)) {
      q.setString(1, username);
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getString(1));
        }
      }
    }
    return roles;
  }
}
