package io.onair.portal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.onair.streaming.media.live.LiveWindow;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveManifestsTest {

  private final LiveManifests manifests = new LiveManifests();
  private final LiveWindow window = new LiveWindow("hall", 7, Instant.EPOCH);
  private final AtomicInteger renders = new AtomicInteger();

  private Optional<ManifestResponse> render() {
    renders.incrementAndGet();
    return Optional.of(new ManifestResponse(ManifestResponse.HLS, "#EXTM3U\n"));
  }

  @Test
  void aManifestIsRenderedOncePerVersionOfItsWindow() {
    Optional<ManifestResponse> first = manifests.of(window, 3, "main.m3u8", this::render);
    assertThat(manifests.of(window, 3, "main.m3u8", this::render)).containsSame(first.get());
    assertThat(renders).hasValue(1);

    manifests.of(window, 4, "main.m3u8", this::render);
    assertThat(renders).as("the window changed").hasValue(2);
  }

  @Test
  void eachPathAndBroadcastHasItsOwn() {
    manifests.of(window, 3, "main.m3u8", this::render);
    manifests.of(window, 3, "main.m3u8?from=start", this::render);
    manifests.of(new LiveWindow("hall", 8, Instant.EPOCH), 3, "main.m3u8", this::render);
    assertThat(renders).hasValue(3);
  }

  @Test
  void nothingToListYetIsRememberedForTheVersionToo() {
    assertThat(
            manifests.of(
                window,
                1,
                "manifest.mpd",
                () -> {
                  renders.incrementAndGet();
                  return Optional.empty();
                }))
        .isEmpty();
    assertThat(manifests.of(window, 1, "manifest.mpd", this::render)).isEmpty();
    assertThat(renders).hasValue(1);
  }

  @Test
  void pastItsCapacityTheCacheStartsAfresh() {
    for (int i = 0; i <= LiveManifests.CAPACITY; i++) {
      manifests.of(window, 1, "p" + i, this::render);
    }
    renders.set(0);
    manifests.of(window, 1, "p0", this::render);
    assertThat(renders).as("dropped with the rest").hasValue(1);
  }
}
