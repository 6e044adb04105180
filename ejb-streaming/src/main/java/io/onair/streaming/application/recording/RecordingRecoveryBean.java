package io.onair.streaming.application.recording;

import io.onair.streaming.infrastructure.storage.SegmentStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Runs {@link RecordingRecovery} once the schema is migrated and before the index writer starts.
 * Startup singletons are initialized before the container delivers any request, the ingest bean's
 * included, so no broadcast starts while this runs.
 *
 * <p>Bean-managed transactions: the recovery commits many small units of its own ({@link
 * RecordingTransactions}), between file operations; a container transaction around it all would
 * hold every change until the end and time out on a large store.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrationBean")
@TransactionManagement(TransactionManagementType.BEAN)
public class RecordingRecoveryBean {

  @Inject private SegmentStore store;
  @Inject private RecordingTransactions transactions;
  @Inject private Clock clock;

  @PostConstruct
  void recover() {
    new RecordingRecovery(store, transactions, clock).recover();
  }
}
