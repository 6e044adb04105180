package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.channel.ChannelName;
import io.onair.streaming.domain.channel.ChannelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaChannelRepository implements ChannelRepository {

  @PersistenceContext(unitName = "onair")
  private EntityManager em;

  public JpaChannelRepository() {}

  /** Outside the container (tests): works in the caller's transaction on {@code em}. */
  public JpaChannelRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(Channel channel) {
    em.persist(channel);
  }

  @Override
  public Optional<Channel> find(ChannelName name) {
    return em.createQuery("select c from Channel c where c.name = :name", Channel.class)
        .setParameter("name", name.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Channel> all() {
    return em.createQuery("select c from Channel c order by c.name", Channel.class).getResultList();
  }
}
