package io.onair.streaming.application.transcoding;

import io.onair.streaming.domain.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/** What administrators may know of this server's transcoding. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TranscodeService {

  @Inject private TranscodeJobs jobs;

  /** Every live broadcast being transcoded, or playing its source only, with why. */
  @RolesAllowed(Role.Names.ADMIN)
  public List<TranscodeStatus> statuses() {
    return jobs.statuses();
  }

  /** How many broadcasts this server transcodes at most at once. */
  @RolesAllowed(Role.Names.ADMIN)
  public int maxConcurrent() {
    return jobs.maxConcurrent();
  }
}
