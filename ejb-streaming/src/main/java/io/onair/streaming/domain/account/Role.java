package io.onair.streaming.domain.account;

/**
 * What a person may do. The names are the security groups the identity store returns and the role
 * names that {@code @RolesAllowed} checks.
 */
public enum Role {
  /** Watches channels. */
  VIEWER,
  /** Publishes to the channels whose keys they hold. */
  BROADCASTER,
  /** Manages users, channels and keys, and stops streams. */
  ADMIN;

  /** Role names as used in {@code @RolesAllowed}, kept beside the enum they must match. */
  public static final class Names {
    public static final String VIEWER = "VIEWER";
    public static final String BROADCASTER = "BROADCASTER";
    public static final String ADMIN = "ADMIN";

    private Names() {}
  }
}
