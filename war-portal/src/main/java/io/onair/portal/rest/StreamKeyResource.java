package io.onair.portal.rest;

import io.onair.portal.rest.dto.StreamKeyDto;
import io.onair.streaming.application.StreamKeyService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Stream keys by id. */
@Path("keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StreamKeyResource {

  @Inject private StreamKeyService keys;

  @POST
  @Path("{id}/revoke")
  public StreamKeyDto revoke(@PathParam("id") long id) {
    return StreamKeyDto.of(keys.revoke(id));
  }
}
