package io.onair.portal.rest;

import io.onair.portal.rest.dto.ViewerTokenDto;
import io.onair.streaming.application.IssuedViewerToken;
import io.onair.streaming.application.ViewerTokenService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Viewer tokens: what an RTMP player presents to watch, issued to the signed-in caller. */
@Path("viewer-tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ViewerTokenResource {

  @Inject private ViewerTokenService tokens;
  @Context private HttpServletRequest request;

  /**
   * Issues a token; the response is the only place its secret ever appears, so it is not cached.
   */
  @POST
  public Response issue() {
    IssuedViewerToken issued = tokens.issue();
    String playUrl = RtmpPlayUrl.at(request.getServerName()).template(issued.secret());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore)
        .entity(ViewerTokenDto.of(issued, playUrl))
        .build();
  }
}
