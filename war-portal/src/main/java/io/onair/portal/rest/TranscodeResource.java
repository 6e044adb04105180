package io.onair.portal.rest;

import io.onair.portal.rest.dto.TranscodingDto;
import io.onair.streaming.application.transcoding.TranscodeService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** This server's transcoding, for administrators: each live broadcast's job, or why it has none. */
@Path("transcodes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranscodeResource {

  @Inject private TranscodeService transcoding;

  @GET
  public TranscodingDto list() {
    return TranscodingDto.of(transcoding.maxConcurrent(), transcoding.statuses());
  }
}
