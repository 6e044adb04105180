package io.onair.streaming.domain.broadcast;

import io.onair.streaming.domain.channel.Channel;
import io.onair.streaming.domain.streamkey.StreamKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One publish of a channel. The database allows one live broadcast per channel (a partial unique
 * index), so two encoders can never both be live on one channel whatever the timing.
 */
@Entity
@Table(name = "broadcast")
public class Broadcast {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "channel_id", nullable = false)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private BroadcastState state;

  @Column(name = "session_id", nullable = false, length = 64)
  private String sessionId;

  @Column(name = "remote_address", nullable = false, length = 128)
  private String remoteAddress;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "stream_key_id")
  private StreamKey streamKey;

  protected Broadcast() {}

  private Broadcast(
      StreamKey streamKey, String sessionId, String remoteAddress, Instant startedAt) {
    this.streamKey = Objects.requireNonNull(streamKey);
    this.channel = streamKey.channel();
    this.sessionId = Objects.requireNonNull(sessionId);
    this.remoteAddress = Objects.requireNonNull(remoteAddress);
    this.startedAt = Objects.requireNonNull(startedAt);
    this.state = BroadcastState.LIVE;
  }

  /** A publish accepted with a key starts a live broadcast on the key's channel. */
  public static Broadcast start(
      StreamKey key, String sessionId, String remoteAddress, Instant startedAt) {
    if (!key.channel().isEnabled()) {
      throw new IllegalStateException("channel " + key.channel().name() + " is disabled");
    }
    if (key.isRevoked()) {
      throw new IllegalStateException("stream key " + key.id() + " is revoked");
    }
    return new Broadcast(key, sessionId, remoteAddress, startedAt);
  }

  /** Whether this broadcast was started with {@code key}. */
  public boolean startedWith(StreamKey key) {
    return streamKey != null && streamKey.id() != null && streamKey.id().equals(key.id());
  }

  /**
   * The encoder came back on a new connection (a network drop) while this broadcast was still live:
   * the broadcast continues, now fed by that connection.
   */
  public void resumedBy(String newSessionId, String newRemoteAddress) {
    if (state != BroadcastState.LIVE) {
      throw new IllegalStateException("broadcast " + id + " has ended");
    }
    this.sessionId = Objects.requireNonNull(newSessionId);
    this.remoteAddress = Objects.requireNonNull(newRemoteAddress);
  }

  /** Ends the broadcast; ending an ended broadcast changes nothing. */
  public void end(Instant at) {
    if (state == BroadcastState.LIVE) {
      state = BroadcastState.ENDED;
      endedAt = at.isBefore(startedAt) ? startedAt : at;
    }
  }

  public boolean isLive() {
    return state == BroadcastState.LIVE;
  }

  /** How long it lasted, or has lasted until {@code now} while live. */
  public Duration duration(Instant now) {
    return Duration.between(startedAt, endedAt != null ? endedAt : now);
  }

  public Long id() {
    return id;
  }

  public Channel channel() {
    return channel;
  }

  public BroadcastState state() {
    return state;
  }

  public String sessionId() {
    return sessionId;
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }
}
