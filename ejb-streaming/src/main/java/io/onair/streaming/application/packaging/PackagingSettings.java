package io.onair.streaming.application.packaging;

import io.onair.streaming.media.cmaf.SegmentPolicy;
import io.onair.streaming.media.manifest.LiveSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How broadcasts are cut and how far back live viewers can seek, from the configuration: the
 * packager and the manifests must agree on these, so both take them from here.
 *
 * <ul>
 *   <li>{@code onair.live.window}: the live window (DVR depth), default PT2M;
 *   <li>{@code onair.segment.target}: segment duration aimed at, default PT2S (segments are cut at
 *       key frames, so a source with longer GOPs gets longer segments);
 *   <li>{@code onair.segment.part-target}: LL-HLS part duration, default PT0.5S.
 * </ul>
 */
@ApplicationScoped
public class PackagingSettings {

  /** Even without key frames no segment grows past this. */
  private static final Duration MAX_SEGMENT = Duration.ofSeconds(30);

  private SegmentPolicy policy;
  private LiveSettings live;

  public PackagingSettings() {}

  @Inject
  PackagingSettings(
      @ConfigProperty(name = "onair.live.window", defaultValue = "PT2M") Duration window,
      @ConfigProperty(name = "onair.segment.target", defaultValue = "PT2S") Duration target,
      @ConfigProperty(name = "onair.segment.part-target", defaultValue = "PT0.5S")
          Duration partTarget) {
    this.policy = new SegmentPolicy(target, partTarget, MAX_SEGMENT);
    this.live = new LiveSettings(window, target, target, partTarget);
  }

  /** Where the packager cuts segments and parts. */
  public SegmentPolicy policy() {
    return policy;
  }

  /** What the live and replay manifests declare. */
  public LiveSettings live() {
    return live;
  }
}
