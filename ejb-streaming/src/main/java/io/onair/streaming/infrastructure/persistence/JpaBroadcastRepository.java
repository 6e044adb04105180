package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.broadcast.Broadcast;
import io.onair.streaming.domain.broadcast.BroadcastRepository;
import io.onair.streaming.domain.broadcast.BroadcastState;
import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.streamkey.StreamKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaBroadcastRepository implements BroadcastRepository {

  @PersistenceContext(unitName = "onair")
  private EntityManager em;

  public JpaBroadcastRepository() {}

  /** Outside the container (tests): works in the caller's transaction on {@code em}. */
  public JpaBroadcastRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(Broadcast broadcast) {
    em.persist(broadcast);
  }

  @Override
  public Optional<Broadcast> find(long id) {
    return Optional.ofNullable(em.find(Broadcast.class, id));
  }

  @Override
  public Optional<Broadcast> liveOf(Channel channel) {
    return liveWhere("channel", channel);
  }

  @Override
  public Optional<Broadcast> liveWith(StreamKey key) {
    return liveWhere("streamKey", key);
  }

  /**
   * The live broadcast whose {@code association} (a mapped attribute, never input) is {@code
   * value}.
   */
  private Optional<Broadcast> liveWhere(String association, Object value) {
    return em.createQuery(
            "select b from Broadcast b where b." + association + " = :value and b.state = :live",
            Broadcast.class)
        .setParameter("value", value)
        .setParameter("live", BroadcastState.LIVE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Broadcast> live() {
    return em.createQuery(
            "select b from Broadcast b join fetch b.channel where b.state = :live"
                + " order by b.startedAt",
            Broadcast.class)
        .setParameter("live", BroadcastState.LIVE)
        .getResultList();
  }

  @Override
  public List<Broadcast> endedSince(Instant since) {
    return em.createQuery(
            "select b from Broadcast b where b.state = :ended and b.endedAt >= :since"
                + " order by b.endedAt",
            Broadcast.class)
        .setParameter("ended", BroadcastState.ENDED)
        .setParameter("since", since)
        .getResultList();
  }
}
