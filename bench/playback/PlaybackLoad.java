import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many RTMP players in one process, so the machine's CPU goes to the server under test and not to
 * a hundred decoders: each connection does the handshake, connect, createStream and play, checks
 * that NetStream.Play.Start came, then reads and discards what the server sends. It is a load
 * generator, not a player: it parses nothing after Play.Start.
 *
 * <p>Run with the JDK's single-file launcher:
 * {@code java PlaybackLoad.java HOST PORT APP PLAY_NAME PLAYERS SECONDS [SERVER_PID CLK_TCK]}. It
 * prints one line, measured over SECONDS once every player has had 3 s to start:
 * {@code players=100 playing=100 received_mbit_s=101.3 server_cpu_percent_of_one_core=12.0}; the
 * CPU figure (user + system time of SERVER_PID from /proc, in the same window) only when a pid is
 * given.
 */
public class PlaybackLoad {

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String app = args[2];
    String playName = args[3];
    int players = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    AtomicLong bytes = new AtomicLong();
    AtomicInteger playing = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < players; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  play(host, port, app, playName, bytes, playing);
                } catch (IOException e) {
                  System.err.println("player failed: " + e);
                }
              });
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    Thread.sleep(3000); // all players joined and past their GOP burst
    Path stat = args.length > 6 ? Path.of("/proc", args[6], "stat") : null;
    long ticksBefore = stat != null ? cpuTicks(stat) : 0;
    long before = bytes.get();
    Thread.sleep(seconds * 1000L);
    long after = bytes.get();
    long ticksAfter = stat != null ? cpuTicks(stat) : 0;
    String cpu =
        stat == null
            ? ""
            : String.format(
                " server_cpu_percent_of_one_core=%.1f",
                100.0 * (ticksAfter - ticksBefore) / Long.parseLong(args[7]) / seconds);
    System.out.printf(
        "players=%d playing=%d received_mbit_s=%.1f%s%n",
        players, playing.get(), (after - before) * 8 / 1e6 / seconds, cpu);
  }

  /** utime + stime of a process, fields 14 and 15 of /proc/PID/stat (after the command name). */
  private static long cpuTicks(Path stat) throws IOException {
    String line = Files.readString(stat);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static void play(
      String host, int port, String app, String playName, AtomicLong bytes, AtomicInteger playing)
      throws IOException {
    try (Socket socket = new Socket(host, port)) {
      socket.setReceiveBufferSize(256 * 1024);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] c1 = new byte[1536];
      new Random().nextBytes(c1);
      for (int i = 0; i < 8; i++) {
        c1[i] = 0; // time and zero: the plain handshake
      }
      out.write(3);
      out.write(c1);
      byte[] s0s1s2 = new byte[1 + 1536 + 1536];
      in.readFully(s0s1s2);
      out.write(s0s1s2, 1, 1536); // C2 echoes S1
      String tcUrl = "rtmp://" + host + ":" + port + "/" + app;
      out.write(
          message(
              3,
              0,
              amf(
                  "connect",
                  1,
                  new String[][] {{"app", app}, {"tcUrl", tcUrl}, {"flashVer", "LNX 9,0,124,2"}},
                  null)));
      out.write(message(3, 0, amf("createStream", 2, null, null)));
      out.write(message(8, 1, amf("play", 3, null, playName)));
      out.flush();
      awaitPlayStart(in, bytes);
      playing.incrementAndGet();
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.addAndGet(n);
      }
      playing.decrementAndGet();
    }
  }

  /** Reads until the bytes of "NetStream.Play.Start" went by; fails on end of stream. */
  private static void awaitPlayStart(InputStream in, AtomicLong bytes) throws IOException {
    byte[] wanted = "NetStream.Play.Start".getBytes(StandardCharsets.US_ASCII);
    int matched = 0;
    for (int b = in.read(); b >= 0; b = in.read()) {
      bytes.incrementAndGet();
      matched = b == wanted[matched] ? matched + 1 : (b == wanted[0] ? 1 : 0);
      if (matched == wanted.length) {
        return;
      }
    }
    throw new IOException("closed before NetStream.Play.Start");
  }

  /** AMF0: command name, transaction id, command object (or null), optional string argument. */
  private static byte[] amf(String name, double tx, String[][] object, String argument) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    string(b, name);
    b.write(0x00);
    long bits = Double.doubleToLongBits(tx);
    for (int i = 7; i >= 0; i--) {
      b.write((int) (bits >>> (8 * i)));
    }
    if (object == null) {
      b.write(0x05);
    } else {
      b.write(0x03);
      for (String[] member : object) {
        byte[] key = member[0].getBytes(StandardCharsets.UTF_8);
        b.write(key.length >>> 8);
        b.write(key.length);
        b.writeBytes(key);
        string(b, member[1]);
      }
      b.write(0);
      b.write(0);
      b.write(0x09);
    }
    if (argument != null) {
      string(b, argument);
    }
    return b.toByteArray();
  }

  private static void string(ByteArrayOutputStream b, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    b.write(0x02);
    b.write(bytes.length >>> 8);
    b.write(bytes.length);
    b.writeBytes(bytes);
  }

  /** A command message (type 20) in 128-byte chunks, the size before any Set Chunk Size. */
  private static byte[] message(int chunkStream, int streamId, byte[] payload) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(chunkStream);
    b.write(0);
    b.write(0);
    b.write(0);
    b.write(payload.length >>> 16);
    b.write(payload.length >>> 8);
    b.write(payload.length);
    b.write(20);
    b.write(streamId);
    b.write(streamId >>> 8);
    b.write(streamId >>> 16);
    b.write(streamId >>> 24);
    for (int offset = 0; offset < payload.length; offset += 128) {
      if (offset > 0) {
        b.write(0xC0 | chunkStream);
      }
      b.write(payload, offset, Math.min(128, payload.length - offset));
    }
    return b.toByteArray();
  }
}
