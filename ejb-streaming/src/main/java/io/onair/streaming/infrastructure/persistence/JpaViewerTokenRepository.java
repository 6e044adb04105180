package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.viewertoken.ViewerToken;
import io.onair.streaming.domain.viewertoken.ViewerTokenRepository;
import io.onair.streaming.domain.viewertoken.ViewerTokenSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaViewerTokenRepository implements ViewerTokenRepository {

  @PersistenceContext(unitName = "onair")
  private EntityManager em;

  public JpaViewerTokenRepository() {}

  /** Outside the container (tests): works in the caller's transaction on {@code em}. */
  public JpaViewerTokenRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(ViewerToken token) {
    em.persist(token);
  }

  @Override
  public Optional<ViewerToken> findBySecret(ViewerTokenSecret secret) {
    return em.createQuery(
            "select t from ViewerToken t join fetch t.account where t.tokenHash = :hash",
            ViewerToken.class)
        .setParameter("hash", secret.hash())
        .getResultStream()
        .findFirst();
  }

  @Override
  public int deleteExpired(Account account, Instant now) {
    return em.createQuery(
            "delete from ViewerToken t where t.account = :account and t.expiresAt <= :now")
        .setParameter("account", account)
        .setParameter("now", now)
        .executeUpdate();
  }
}
