package io.onair.portal.security;

import io.onair.streaming.domain.account.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Accounts come from the database ({@link AccountIdentityStore}). HTTP Basic over the API lets
 * scripts and curl sign in; requests that need no sign-in (the home page, health) pass through
 * untouched.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "OnAir")
@DeclareRoles({Role.Names.VIEWER, Role.Names.BROADCASTER, Role.Names.ADMIN})
public class PortalSecurity {}
