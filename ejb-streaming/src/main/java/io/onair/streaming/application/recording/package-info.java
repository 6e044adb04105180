/**
 * Recording a broadcast and playing it back: the use cases behind {@code domain.recording}.
 *
 * <ul>
 *   <li>{@link io.onair.streaming.application.recording.Recorder}: what the packaging job calls as
 *       files complete. Bytes go to the {@code SegmentStore}; index entries go into a bounded,
 *       non-blocking {@link io.onair.streaming.application.recording.IndexQueue}.
 *   <li>{@link io.onair.streaming.application.recording.SegmentIndexer}: drains the queue into the
 *       database off the media path, in batches, one transaction each.
 *   <li>{@link io.onair.streaming.application.recording.RecordingRecoveryBean}: at start, makes the
 *       index and the files agree again and ends the broadcasts a crash left live.
 *   <li>{@link io.onair.streaming.application.recording.RetentionTimer}: deletes expired replays.
 *   <li>{@link io.onair.streaming.application.recording.ReplayService}: replays and their timelines
 *       for delivery.
 * </ul>
 *
 * <p>The logic lives in plain classes (the drain, a batch, reconciliation, recovery, retention, the
 * replay timelines) that take {@link
 * io.onair.streaming.application.recording.RecordingTransactions}; the beans only schedule them and
 * give them transactions. The tests run the same classes on a real PostgreSQL.
 */
package io.onair.streaming.application.recording;
