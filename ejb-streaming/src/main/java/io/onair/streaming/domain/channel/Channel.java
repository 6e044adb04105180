package io.onair.streaming.domain.channel;

import io.onair.streaming.media.transcode.LadderSyntax;
import io.onair.streaming.media.transcode.LadderSyntaxException;
import io.onair.streaming.media.transcode.TranscodeLadder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A channel: a named place where one broadcaster at a time goes live and colleagues watch. */
@Entity
@Table(name = "channel")
public class Channel {

  /**
   * The longest ladder a channel stores, in characters of its written-out form: eight rungs take
   * about 1000. The column is as long (migration V5).
   */
  public static final int MAX_LADDER_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true, length = 64)
  private String name;

  @Column(name = "title", nullable = false, length = 200)
  private String title;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /**
   * The channel's own ladder as {@link LadderSyntax#format} writes it; null when the server's
   * applies. Text rather than a table of rungs: the syntax is what operators read and write, and a
   * ladder is only ever replaced whole.
   */
  @Column(name = "transcode_ladder", length = MAX_LADDER_LENGTH)
  private String transcodeLadder;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Channel() {}

  public Channel(ChannelName name, String title, Instant createdAt) {
    this.name = name.value();
    this.title = requireTitle(title);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.enabled = true;
  }

  private static String requireTitle(String title) {
    if (title == null || title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("channel title must be 1 to 200 characters");
    }
    return title.strip();
  }

  public void retitle(String newTitle) {
    this.title = requireTitle(newTitle);
  }

  /** A disabled channel refuses every publish, whatever key is presented. */
  public void disable() {
    this.enabled = false;
  }

  public void enable() {
    this.enabled = true;
  }

  /**
   * Transcodes this channel's broadcasts into {@code ladder} rather than the server's ladder. A
   * ladder without rungs ({@link TranscodeLadder#none()}) is one too: this channel's broadcasts are
   * then never transcoded, whatever the server's ladder is.
   *
   * @throws InvalidLadderException if the ladder written out is over {@value #MAX_LADDER_LENGTH}
   *     characters, or does not read back
   */
  public void transcodeWith(TranscodeLadder ladder) {
    String text = LadderSyntax.format(Objects.requireNonNull(ladder, "ladder"));
    if (text.length() > MAX_LADDER_LENGTH) {
      throw new InvalidLadderException(
          "the ladder of "
              + ladder.rungs().size()
              + " rungs is "
              + text.length()
              + " characters written out; a channel's may have at most "
              + MAX_LADDER_LENGTH);
    }
    try {
      LadderSyntax.parse(text);
    } catch (LadderSyntaxException unreadable) {
      // A rung built in code can exceed what the syntax reads (a bit rate of 8 digits of kbit/s);
      // stored, it would make transcodeLadder() throw on every later read.
      throw new InvalidLadderException(
          "the ladder does not read back once written: " + unreadable.getMessage(), unreadable);
    }
    this.transcodeLadder = text;
  }

  /** Drops the channel's own ladder: the server's applies again. */
  public void transcodeWithServerLadder() {
    this.transcodeLadder = null;
  }

  /**
   * The channel's own ladder; empty when the server's applies. Parsed on each call: only {@link
   * #transcodeWith} writes the text, and only text that reads back.
   */
  public Optional<TranscodeLadder> transcodeLadder() {
    return Optional.ofNullable(transcodeLadder).map(LadderSyntax::parse);
  }

  public Long id() {
    return id;
  }

  public ChannelName name() {
    return new ChannelName(name);
  }

  public String title() {
    return title;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
