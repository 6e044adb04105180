package io.onair.portal.security;

import io.onair.streaming.domain.account.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Accounts come from the database: the password hash and the roles of a username. HTTP Basic over
 * the API lets scripts and curl sign in; requests that need no sign-in (the home page, health) pass
 * through untouched.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "OnAir")
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "jdbc/onair",
    callerQuery = "select password_hash from account where username = ?",
    groupsQuery =
        "select r.role from account_role r join account a on a.id = r.account_id"
            + " where a.username = ?",
    hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Role.Names.VIEWER, Role.Names.BROADCASTER, Role.Names.ADMIN})
public class PortalSecurity {}
