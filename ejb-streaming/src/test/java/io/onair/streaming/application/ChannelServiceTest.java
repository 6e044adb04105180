package io.onair.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onair.streaming.domain.channel.InvalidLadderException;
import io.onair.streaming.infrastructure.persistence.JpaBroadcastRepository;
import io.onair.streaming.infrastructure.persistence.JpaChannelRepository;
import io.onair.streaming.infrastructure.persistence.MigratedDatabase;
import io.onair.streaming.media.transcode.Rung;
import io.onair.streaming.media.transcode.TranscodeLadder;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A channel's own transcoding ladder through the service, stored in a real PostgreSQL. */
class ChannelServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
  private static final String SQUARE =
      "square720:720x720@2000k;square400:400x400@700k,profile=main";

  private static MigratedDatabase db;

  @BeforeAll
  static void start() throws IOException {
    db = MigratedDatabase.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  /** Runs one call of the service in a transaction of its own, as the container would. */
  private static <T> T call(Function<ChannelService, T> use) {
    return db.fromTransaction(
        em ->
            use.apply(
                new ChannelService(
                    new JpaChannelRepository(em),
                    new JpaBroadcastRepository(em),
                    new ManualClock(T0))));
  }

  private static void create(String name) {
    call(s -> s.create(name, "Channel " + name));
  }

  /** The column as stored, read behind JPA's back. */
  private static String storedText(String channel) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement("select transcode_ladder from channel where name = ?")) {
      q.setString(1, channel);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }

  @Test
  void aNewChannelUsesTheServersLadder() throws Exception {
    create("fresh");

    ChannelLadderView view = call(s -> s.ladderOf("fresh"));

    assertThat(view.channel()).isEqualTo("fresh");
    assertThat(view.ladder()).isEmpty();
    assertThat(view.text()).isEmpty();
    assertThat(storedText("fresh")).isNull();
  }

  @Test
  void aSquareLadderIsStoredWrittenOutAndReadBack() throws Exception {
    create("square-shop");

    ChannelLadderView set = call(s -> s.useLadder("square-shop", SQUARE));
    ChannelLadderView read = call(s -> s.ladderOf("square-shop"));

    String written =
        "square720:720x720@2000k,fps=source,preset=veryfast,profile=high,audio=128k;"
            + "square400:400x400@700k,fps=source,preset=veryfast,profile=main,audio=128k";
    assertThat(storedText("square-shop")).isEqualTo(written);
    assertThat(read).isEqualTo(set);
    assertThat(read.text()).contains(written);
    assertThat(read.ladder().orElseThrow().rungs())
        .extracting(Rung::width, Rung::height)
        .containsExactly(Tuple.tuple(720, 720), Tuple.tuple(400, 400));
  }

  @Test
  void noneIsStoredAsALadderWithoutRungsAndClearingGoesBackToTheServers() throws Exception {
    create("never-transcoded");

    call(s -> s.useLadder("never-transcoded", " none "));
    assertThat(storedText("never-transcoded")).isEqualTo("none");
    assertThat(call(s -> s.ladderOf("never-transcoded")).ladder()).contains(TranscodeLadder.none());

    call(
        s -> {
          s.useServerLadder("never-transcoded");
          return null;
        });
    assertThat(storedText("never-transcoded")).isNull();
    assertThat(call(s -> s.ladderOf("never-transcoded")).ladder()).isEmpty();
  }

  @Test
  void anUnreadableLadderIsRefusedNamingTheRungAndTheOldOneKept() throws Exception {
    create("typo");
    call(s -> s.useLadder("typo", SQUARE));
    String before = storedText("typo");

    assertThatThrownBy(() -> call(s -> s.useLadder("typo", "square720:720x720@2000k;oops")))
        .isInstanceOf(InvalidLadderException.class)
        .hasMessageStartingWith("rung 2 'oops': ");
    assertThatThrownBy(() -> call(s -> s.useLadder("typo", "")))
        .isInstanceOf(InvalidLadderException.class)
        .hasMessageContaining("'none'");
    assertThat(storedText("typo")).isEqualTo(before);
  }

  @Test
  void anUnknownChannelHasNoLadder() {
    assertThatThrownBy(() -> call(s -> s.ladderOf("nowhere")))
        .isInstanceOf(ChannelNotFoundException.class);
    assertThatThrownBy(() -> call(s -> s.useLadder("nowhere", SQUARE)))
        .isInstanceOf(ChannelNotFoundException.class);
    assertThatThrownBy(
            () ->
                call(
                    s -> {
                      s.useServerLadder("nowhere");
                      return null;
                    }))
        .isInstanceOf(ChannelNotFoundException.class);
  }
}
