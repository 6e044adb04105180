package io.onair.streaming.domain.streamkey;

import io.onair.streaming.domain.channel.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A stream key of a channel, as its hash. A revoked key stays, so that its history does. */
@Entity
@Table(name = "stream_key")
public class StreamKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "channel_id", nullable = false)
  private Channel channel;

  @Column(name = "key_hash", nullable = false, unique = true, length = 64)
  private String keyHash;

  @Column(name = "hint", nullable = false, length = 16)
  private String hint;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected StreamKey() {}

  public StreamKey(Channel channel, StreamKeySecret secret, Instant createdAt) {
    this.channel = Objects.requireNonNull(channel);
    this.keyHash = secret.hash();
    this.hint = secret.hint();
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Revokes the key; revoking twice keeps the first time. */
  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = Objects.requireNonNull(at);
    }
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public Long id() {
    return id;
  }

  public Channel channel() {
    return channel;
  }

  public String hint() {
    return hint;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
