package io.onair.streaming.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One Unix-domain socket per rung, in a directory short enough for every rung name. */
class RungSocketsTest {

  @Test
  void aRungsSocketIsNamedAfterItInTheDirectory() {
    RungSockets sockets = new RungSockets(Path.of("/run/onair/transcode/42"));

    assertThat(sockets.path("720p")).isEqualTo(Path.of("/run/onair/transcode/42/720p.sock"));
    assertThat(sockets.url("720p")).isEqualTo("unix:/run/onair/transcode/42/720p.sock");
  }

  @Test
  void theDirectoryMustBeAbsolute() {
    assertThatThrownBy(() -> new RungSockets(Path.of("transcode/42")))
        .hasMessageContaining("must be absolute");
  }

  @Test
  void everyPossibleSocketPathMustFitInSunPath() {
    // 107 bytes: 1 + 68 + 1 + 32 + 5
    Path longest = Path.of("/" + "d".repeat(68));
    RungSockets sockets = new RungSockets(longest);
    assertThat(sockets.path("r".repeat(32)).toString()).hasSize(RungSockets.MAX_PATH_BYTES);

    assertThatThrownBy(() -> new RungSockets(Path.of("/" + "d".repeat(69))))
        .hasMessageContaining("would need up to 108 bytes, Unix-domain sockets allow 107");
  }

  @Test
  void onlyRungNamesBecomeFileNames() {
    RungSockets sockets = new RungSockets(Path.of("/run/onair/transcode/42"));

    assertThatThrownBy(() -> sockets.path("../../etc/x")).hasMessageContaining("not a rung name");
  }
}
