package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.broadcast.BroadcastState;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.recording.NewSegment;
import io.onair.streaming.domain.recording.RecordedSegment;
import io.onair.streaming.domain.recording.RecordedTrack;
import io.onair.streaming.domain.recording.RecordingRepository;
import io.onair.streaming.media.manifest.TrackRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class JpaRecordingRepository implements RecordingRepository {

  /**
   * One statement per segment, sent as one JDBC batch. It finds the track by its natural key, so
   * the packager never needs a row id; a segment whose track is missing inserts nothing, and one
   * already indexed (a batch written again after a failed commit, a file recovery indexed) is
   * skipped by the conflict clause instead of failing the whole batch.
   */
  private static final String INSERT_SEGMENT =
      "insert into recorded_segment"
          + " (track_id, sequence_number, start_time, duration, program_date_time, byte_size, path)"
          + " select t.id, ?, ?, ?, ?, ?, ? from recorded_track t"
          + " where t.broadcast_id = ? and t.rendition = ? and t.kind = ?"
          + " on conflict (track_id, sequence_number) do nothing";

  /** Numbers per delete statement, far below the 65,535 bind parameters the driver takes. */
  private static final int DELETE_SLICE = 1000;

  @PersistenceContext(unitName = "onair")
  private EntityManager em;

  public JpaRecordingRepository() {}

  /** Outside the container (tests): works in the caller's transaction on {@code em}. */
  public JpaRecordingRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void addTrack(RecordedTrack track) {
    em.persist(track);
  }

  @Override
  public Optional<RecordedTrack> findTrack(long broadcastId, TrackRef track) {
    return em.createQuery(
            "select t from RecordedTrack t where t.broadcast.id = :broadcast"
                + " and t.rendition = :rendition and t.kind = :kind",
            RecordedTrack.class)
        .setParameter("broadcast", broadcastId)
        .setParameter("rendition", track.rendition())
        .setParameter("kind", track.kind())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<RecordedTrack> tracksOf(long broadcastId) {
    return em.createQuery(
            "select t from RecordedTrack t where t.broadcast.id = :broadcast order by t.id",
            RecordedTrack.class)
        .setParameter("broadcast", broadcastId)
        .getResultList();
  }

  /**
   * Plain JDBC batching: Hibernate cannot batch the insert-select, and a persist per row would be a
   * round trip per row. Pending entity changes are flushed first so that tracks added in the same
   * transaction are visible to the statement.
   */
  @Override
  public int addSegments(List<NewSegment> segments) {
    if (segments.isEmpty()) {
      return 0;
    }
    em.flush();
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT_SEGMENT)) {
                for (NewSegment s : segments) {
                  insert.setLong(1, s.number());
                  insert.setLong(2, s.startTime());
                  insert.setLong(3, s.duration());
                  insert.setObject(4, s.programDateTime().atOffset(ZoneOffset.UTC));
                  insert.setLong(5, s.byteSize());
                  insert.setString(6, s.path());
                  insert.setLong(7, s.broadcastId());
                  insert.setString(8, s.track().rendition());
                  insert.setString(9, s.track().kind().name());
                  insert.addBatch();
                }
                int added = 0;
                for (int count : insert.executeBatch()) {
                  added += Math.max(count, 0);
                }
                return added;
              }
            });
  }

  @Override
  public List<RecordedSegment> segmentsOf(RecordedTrack track) {
    return em.createQuery(
            "select s from RecordedSegment s where s.trackId = :track order by s.number",
            RecordedSegment.class)
        .setParameter("track", track.id())
        .getResultList();
  }

  @Override
  public List<Long> segmentNumbersOf(RecordedTrack track) {
    return em.createQuery(
            "select s.number from RecordedSegment s where s.trackId = :track order by s.number",
            Long.class)
        .setParameter("track", track.id())
        .getResultList();
  }

  @Override
  public Optional<RecordedSegment> lastSegmentOf(RecordedTrack track) {
    return em.createQuery(
            "select s from RecordedSegment s where s.trackId = :track order by s.number desc",
            RecordedSegment.class)
        .setParameter("track", track.id())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** In slices: a long broadcast has more segments than a statement may have parameters. */
  @Override
  public int deleteSegments(RecordedTrack track, Collection<Long> numbers) {
    List<Long> all = List.copyOf(numbers);
    int deleted = 0;
    for (int from = 0; from < all.size(); from += DELETE_SLICE) {
      deleted +=
          em.createQuery(
                  "delete from RecordedSegment s where s.trackId = :track and s.number in :numbers")
              .setParameter("track", track.id())
              .setParameter("numbers", all.subList(from, Math.min(all.size(), from + DELETE_SLICE)))
              .executeUpdate();
    }
    return deleted;
  }

  @Override
  public void deleteTrack(RecordedTrack track) {
    em.createQuery("delete from RecordedSegment s where s.trackId = :track")
        .setParameter("track", track.id())
        .executeUpdate();
    em.createQuery("delete from RecordedTrack t where t.id = :track")
        .setParameter("track", track.id())
        .executeUpdate();
  }

  @Override
  public int deleteRecordingOf(long broadcastId) {
    int segments =
        em.createQuery(
                "delete from RecordedSegment s where s.trackId in"
                    + " (select t.id from RecordedTrack t where t.broadcast.id = :broadcast)")
            .setParameter("broadcast", broadcastId)
            .executeUpdate();
    em.createQuery("delete from RecordedTrack t where t.broadcast.id = :broadcast")
        .setParameter("broadcast", broadcastId)
        .executeUpdate();
    return segments;
  }

  @Override
  public List<Broadcast> replaysOf(Channel channel, int max) {
    return em.createQuery(
            "select b from Broadcast b where b.channel = :channel and b.state = :ended"
                + " and exists (select t.id from RecordedTrack t where t.broadcast = b)"
                + " order by b.startedAt desc, b.id desc",
            Broadcast.class)
        .setParameter("channel", channel)
        .setParameter("ended", BroadcastState.ENDED)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public List<Long> recordingsEndedBefore(Instant cutoff, int max) {
    return em.createQuery(
            "select b.id from Broadcast b where b.state = :ended and b.endedAt < :cutoff"
                + " and exists (select t.id from RecordedTrack t where t.broadcast = b)"
                + " order by b.endedAt, b.id",
            Long.class)
        .setParameter("ended", BroadcastState.ENDED)
        .setParameter("cutoff", cutoff)
        .setMaxResults(max)
        .getResultList();
  }
}
