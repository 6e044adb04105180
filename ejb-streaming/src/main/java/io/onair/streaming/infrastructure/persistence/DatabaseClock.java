package io.onair.streaming.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The clock of the services: UTC, ticking in microseconds because that is what PostgreSQL keeps. An
 * instant returned to a caller is then the same before and after it has been stored.
 */
@ApplicationScoped
public class DatabaseClock {

  private static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

  @Produces
  Clock clock() {
    return MICROSECONDS;
  }
}
