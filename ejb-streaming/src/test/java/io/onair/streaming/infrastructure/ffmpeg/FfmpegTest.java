package io.onair.streaming.infrastructure.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bean: one answer, one log line, however often it is asked. */
class FfmpegTest {

  @TempDir Path temp;

  private final Logger logger = Logger.getLogger(Ffmpeg.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  private Ffmpeg ffmpeg(Optional<Path> configured) {
    return new Ffmpeg(
        new FfmpegLocator(
            configured,
            null,
            new BundledFfmpeg(new URLClassLoader(new URL[0], null), temp),
            new VersionProbe(Duration.ofSeconds(10))));
  }

  @Test
  void aUsableProgramIsLoggedOnceAtInfoWithItsVersionAndOrigin() throws Exception {
    Path program = FakeFfmpeg.printing(temp, "ffmpeg version 5.1.6-0+deb12u1 Copyright");
    Ffmpeg ffmpeg = ffmpeg(Optional.of(program));

    Optional<FfmpegProgram> first = ffmpeg.program();
    Optional<FfmpegProgram> second = ffmpeg.program();

    assertThat(first)
        .contains(new FfmpegProgram(program, FfmpegProgram.Origin.CONFIGURED, "5.1.6-0+deb12u1"));
    assertThat(second).isSameAs(first);
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.INFO);
              assertThat(r.getMessage())
                  .isEqualTo(
                      "Transcoding with ffmpeg 5.1.6-0+deb12u1 from onair.ffmpeg.path: " + program);
            });
  }

  @Test
  void noUsableProgramIsLoggedOnceAtSevereAndStaysUnavailable() {
    Path missing = temp.resolve("nonexistent/ffmpeg");
    Ffmpeg ffmpeg = ffmpeg(Optional.of(missing));

    assertThat(ffmpeg.program()).isEmpty();
    assertThat(ffmpeg.program()).isEmpty();
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
              assertThat(r.getMessage())
                  .isEqualTo(
                      "Transcoding is off, broadcasts play their source only: onair.ffmpeg.path "
                          + missing
                          + " does not exist or is not a file");
            });
  }
}
