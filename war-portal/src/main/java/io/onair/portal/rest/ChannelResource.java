package io.onair.portal.rest;

import io.onair.portal.rest.dto.ChannelDto;
import io.onair.portal.rest.dto.IssuedKeyDto;
import io.onair.portal.rest.dto.LadderDto;
import io.onair.portal.rest.dto.LiveFeedDto;
import io.onair.portal.rest.dto.NewChannel;
import io.onair.portal.rest.dto.ReplayDto;
import io.onair.portal.rest.dto.StreamKeyDto;
import io.onair.streaming.application.ChannelService;
import io.onair.streaming.application.LiveFeedService;
import io.onair.streaming.application.StreamKeyService;
import io.onair.streaming.application.recording.ReplayService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Channels, their stream keys and their transcoding ladders. Who may call what is decided by the
 * services' roles; an admin creates channels, issues keys and sets ladders, signed-in people list
 * channels.
 */
@Path("channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

  @Inject private ChannelService channels;
  @Inject private StreamKeyService keys;
  @Inject private LiveFeedService liveFeeds;
  @Inject private ReplayService replays;
  @Context private UriInfo uri;

  @GET
  public List<ChannelDto> list() {
    return channels.list().stream().map(ChannelDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewChannel body) {
    if (body == null) {
      throw new BadRequestException("a JSON body with name and title is required");
    }
    ChannelDto created = ChannelDto.of(channels.create(body.name(), body.title()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{name}")
  public ChannelDto get(@PathParam("name") String name) {
    return ChannelDto.of(channels.get(name));
  }

  @GET
  @Path("{name}/keys")
  public List<StreamKeyDto> keys(@PathParam("name") String name) {
    return keys.keysOf(name).stream().map(StreamKeyDto::of).toList();
  }

  /** The channel's ended, recorded broadcasts, newest first (at most 100), with their URLs. */
  @GET
  @Path("{name}/replays")
  public List<ReplayDto> replays(@PathParam("name") String name) {
    channels.get(name); // 404 for a channel that does not exist
    return replays.replaysOf(name, 100).stream().map(ReplayDto::of).toList();
  }

  /**
   * What the channel's live feed carries on this server: codecs, dimensions, audio format, the
   * encoder's metadata. For administrators checking an encoder; may take a few seconds when the
   * channel has only just gone live.
   */
  @GET
  @Path("{name}/live-feed")
  public LiveFeedDto liveFeed(@PathParam("name") String name) {
    return LiveFeedDto.of(liveFeeds.inspect(name));
  }

  /** Issues a key; the response is the only place its secret ever appears, so it is not cached. */
  @POST
  @Path("{name}/keys")
  public Response issueKey(@PathParam("name") String name) {
    IssuedKeyDto issued = IssuedKeyDto.of(keys.issue(name));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(Response.Status.CREATED).cacheControl(noStore).entity(issued).build();
  }

  /** The channel's own ladder, or {@code "source": "server"} when the server's applies. */
  @GET
  @Path("{name}/ladder")
  public LadderDto ladder(@PathParam("name") String name) {
    return LadderDto.of(channels.ladderOf(name));
  }

  /**
   * Gives the channel a ladder of its own, the body one line of the ladder syntax, e.g. {@code
   * square720:720x720@2000k;square400:400x400@700k}, or {@code none}. Plain text rather than JSON
   * rungs: the syntax is how operators write a ladder everywhere else (the server's setting), and
   * its errors name the rung.
   */
  @PUT
  @Path("{name}/ladder")
  @Consumes(MediaType.TEXT_PLAIN)
  public LadderDto useLadder(@PathParam("name") String name, String text) {
    return LadderDto.of(channels.useLadder(name, text));
  }

  /** Drops the channel's own ladder; the server's applies again. */
  @DELETE
  @Path("{name}/ladder")
  public Response useServerLadder(@PathParam("name") String name) {
    channels.useServerLadder(name);
    return Response.noContent().build();
  }
}
