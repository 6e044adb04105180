package io.onair.streaming.infrastructure.persistence;

import io.onair.streaming.domain.account.Account;
import io.onair.streaming.domain.account.AccountRepository;
import io.onair.streaming.domain.account.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "onair")
  private EntityManager em;

  public JpaAccountRepository() {}

  /** Outside the container (tests): works in the caller's transaction on {@code em}. */
  public JpaAccountRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(Account account) {
    em.persist(account);
  }

  @Override
  public Optional<Account> find(String username) {
    return em.createQuery("select a from Account a where a.username = :username", Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean anyWithRole(Role role) {
    return !em.createQuery("select a.id from Account a join a.roles r where r = :role", Long.class)
        .setParameter("role", role)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
