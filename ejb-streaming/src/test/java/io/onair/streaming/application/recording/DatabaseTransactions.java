package io.onair.streaming.application.recording;

import io.onair.streaming.infrastructure.persistence.JpaBroadcastRepository;
import io.onair.streaming.infrastructure.persistence.JpaRecordingRepository;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import java.util.function.Function;

/** {@link RecordingTransactions} on the test database: each call commits on its own. */
final class DatabaseTransactions implements RecordingTransactions {

  private final MigratedDatabase db;

  DatabaseTransactions(MigratedDatabase db) {
    this.db = db;
  }

  @Override
  public <T> T inNewTransaction(Function<RecordingRepositories, T> work) {
    return db.fromTransaction(
        em ->
            work.apply(
                new RecordingRepositories(
                    new JpaBroadcastRepository(em), new JpaRecordingRepository(em))));
  }
}
