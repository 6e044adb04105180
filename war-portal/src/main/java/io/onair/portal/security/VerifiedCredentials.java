package io.onair.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Username and password pairs that passed the PBKDF2 check a moment ago, so the next request with
 * the same HTTP Basic credentials does not pay for it again. PBKDF2 is slow on purpose (210,000
 * rounds, a tenth of a second of CPU), and a player sends several requests a second: without this a
 * single viewer would keep a core busy.
 *
 * <p>Nothing here can be turned back into a password: entries are keyed by an HMAC of the pair
 * under a key made at random when the server starts and never stored. An entry lasts {@link #TTL},
 * so a changed password or role takes effect within that time; at most {@link #CAPACITY} are kept,
 * the least recently used going first. Failed checks are not remembered.
 */
final class VerifiedCredentials {

  static final Duration TTL = Duration.ofMinutes(1);
  static final int CAPACITY = 10_000;

  /** Who a remembered pair signs in as. */
  record Caller(String name, Set<String> groups, Instant until) {}

  private final SecretKeySpec key;
  private final Clock clock;
  private final Map<String, Caller> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Caller> eldest) {
          return size() > CAPACITY;
        }
      };

  VerifiedCredentials(Clock clock) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
    this.clock = clock;
  }

  /** The caller a pair verified as within the last {@link #TTL}. */
  Optional<Caller> lookUp(String username, char[] password) {
    String id = id(username, password);
    synchronized (recent) {
      Caller caller = recent.get(id);
      if (caller == null) {
        return Optional.empty();
      }
      if (!caller.until().isAfter(clock.instant())) {
        recent.remove(id);
        return Optional.empty();
      }
      return Optional.of(caller);
    }
  }

  /** Remembers a pair that just passed the check. */
  void remember(String username, char[] password, String name, Set<String> groups) {
    Caller caller = new Caller(name, Set.copyOf(groups), clock.instant().plus(TTL));
    String id = id(username, password);
    synchronized (recent) {
      recent.put(id, caller);
    }
  }

  private String id(String username, char[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
