package io.onair.streaming.domain.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A channel: a named place where one broadcaster at a time goes live and colleagues watch. */
@Entity
@Table(name = "channel")
public class Channel {

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
