package io.onair.portal.health;

import io.onair.streaming.infrastructure.rtmp.LiveFeeds;
import io.onair.streaming.infrastructure.storage.StorageRoot;
import io.onair.streaming.management.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means an encoder can go live and a viewer can watch: the RTMP adapter listens with the
 * ingest bean activated on it, its live feeds give connections (what packaging subscribes with),
 * the database answers at the expected schema version, and the storage directory takes files.
 * Payara calls a WAR "deployed" even when its message-driven bean found no adapter; this check does
 * not. On Payara Server the live feed resource is created after the EAR is deployed: until then,
 * this says so.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject private DatabaseStatus database;
  @Inject private StorageRoot storage;
  @Inject private LiveFeeds liveFeeds;
  private final AdapterProbe adapter = new AdapterProbe();

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("onair").up();
    report(response, "rtmp", adapter.problem());
    report(response, "liveFeed", liveFeeds.problem());
    report(response, "database", database.problem());
    report(response, "storage", storage.writeProblem());
    return response.build();
  }

  private static void report(
      HealthCheckResponseBuilder response, String part, Optional<String> problem) {
    response.withData(part, problem.orElse("UP"));
    if (problem.isPresent()) {
      response.down();
    }
  }
}
