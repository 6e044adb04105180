package io.onair.streaming.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Locks out a remote host after too many publishes with a wrong or revoked key: {@code
 * onair.publish.lockout.failures} (default 5) within {@code onair.publish.lockout.minutes} (default
 * 10). The count lives in this server's memory; each node of a cluster counts its own.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PublishLockout {

  private static final Logger LOG = Logger.getLogger(PublishLockout.class.getName());
  private static final int MAX_HOSTS = 10_000;

  @Inject
  @ConfigProperty(name = "onair.publish.lockout.failures", defaultValue = "5")
  private int maxFailures;

  @Inject
  @ConfigProperty(name = "onair.publish.lockout.minutes", defaultValue = "10")
  private int minutes;

  @Inject private Clock clock;
  private FailedAttempts attempts;

  @PostConstruct
  void configure() {
    attempts = new FailedAttempts(maxFailures, Duration.ofMinutes(minutes), MAX_HOSTS, clock);
  }

  public synchronized boolean isLockedOut(String remoteAddress) {
    return attempts.isLockedOut(host(remoteAddress));
  }

  public synchronized void failed(String remoteAddress) {
    String host = host(remoteAddress);
    attempts.failed(host);
    if (attempts.isLockedOut(host)) {
      LOG.warning(
          () -> "Publishing locked out for " + host + " after " + maxFailures + " failed keys");
    }
  }

  public synchronized void succeeded(String remoteAddress) {
    attempts.succeeded(host(remoteAddress));
  }

  /**
   * The host of an address as the adapter reports it ({@code InetSocketAddress.toString()}):
   * "/10.1.2.3:50000" and "name/10.1.2.3:50000" are 10.1.2.3; "/[::1]:50000" is [::1].
   */
  static String host(String remoteAddress) {
    String address = remoteAddress.substring(remoteAddress.lastIndexOf('/') + 1);
    int colon = address.lastIndexOf(':');
    boolean port =
        colon > 0
            && colon < address.length() - 1
            && address.substring(colon + 1).chars().allMatch(Character::isDigit)
            && (address.indexOf(':') == colon || address.charAt(colon - 1) == ']');
    return port ? address.substring(0, colon) : address;
  }
}
