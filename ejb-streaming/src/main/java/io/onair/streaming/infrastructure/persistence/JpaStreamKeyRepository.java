package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.streamkey.StreamKey;
import io.onair.streaming.domain.streamkey.StreamKeyRepository;
import io.onair.streaming.domain.streamkey.StreamKeySecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaStreamKeyRepository implements StreamKeyRepository {

  @PersistenceContext(unitName = "onair")
  private EntityManager em;

  public JpaStreamKeyRepository() {}

  /** Outside the container (tests): works in the caller's transaction on {@code em}. */
  public JpaStreamKeyRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(StreamKey key) {
    em.persist(key);
  }

  @Override
  public Optional<StreamKey> find(long id) {
    return Optional.ofNullable(em.find(StreamKey.class, id));
  }

  @Override
  public Optional<StreamKey> findBySecret(StreamKeySecret secret) {
    return em.createQuery(
            "select k from StreamKey k join fetch k.channel where k.keyHash = :hash",
            StreamKey.class)
        .setParameter("hash", secret.hash())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<StreamKey> ofChannel(Channel channel) {
    return em.createQuery(
            "select k from StreamKey k where k.channel = :channel order by k.createdAt desc, k.id desc",
            StreamKey.class)
        .setParameter("channel", channel)
        .getResultList();
  }
}
