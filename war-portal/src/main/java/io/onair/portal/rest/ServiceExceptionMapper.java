package io.onair.portal.rest;

import io.onair.portal.rest.dto.ErrorDto;
import io.onair.streaming.application.AccountNotFoundException;
import io.onair.streaming.application.ChannelNameTakenException;
import io.onair.streaming.application.ChannelNotFoundException;
import io.onair.streaming.application.LiveFeedUnavailableException;
import io.onair.streaming.application.StreamKeyNotFoundException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what the services throw into HTTP statuses with a JSON body, so a script calling the API
 * gets a reason instead of a server error page.
 */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(ServiceExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    if (e instanceof WebApplicationException web) {
      Response response = web.getResponse();
      return error(response.getStatus(), e.getMessage());
    }
    Status status = statusOf(e);
    if (status == Status.INTERNAL_SERVER_ERROR) {
      LOG.log(Level.SEVERE, "API call failed", e);
      return error(status.getStatusCode(), "internal error; see the server log");
    }
    return error(status.getStatusCode(), e.getMessage());
  }

  private static Status statusOf(RuntimeException e) {
    if (e instanceof ChannelNotFoundException || e instanceof StreamKeyNotFoundException) {
      return Status.NOT_FOUND;
    }
    if (e instanceof ChannelNameTakenException) {
      return Status.CONFLICT;
    }
    if (e instanceof LiveFeedUnavailableException) {
      return Status.SERVICE_UNAVAILABLE;
    }
    // Payara throws AccessLocalException, which is no EJBAccessException, for local calls.
    if (e instanceof EJBAccessException || e instanceof AccessLocalException) {
      return Status.FORBIDDEN;
    }
    // Signed in, but with no account here to act for.
    if (e instanceof AccountNotFoundException) {
      return Status.FORBIDDEN;
    }
    if (e instanceof IllegalArgumentException) {
      return Status.BAD_REQUEST;
    }
    return Status.INTERNAL_SERVER_ERROR;
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ErrorDto(status, message))
        .build();
  }
}
