package io.onair.portal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A live segment in memory is its parts back to back; a range may span several. */
class ByteRangesTest {

  private static final List<byte[]> PARTS =
      List.of(new byte[] {0, 1, 2}, new byte[] {3, 4}, new byte[] {5, 6, 7, 8});

  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final Map<String, Object> sent = new HashMap<>();

  private final HttpServletResponse response =
      (HttpServletResponse)
          Proxy.newProxyInstance(
              HttpServletResponse.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "getOutputStream" -> output();
                    case "setHeader", "setStatus", "sendError", "setContentLengthLong" -> {
                      sent.put(
                          method.getName() + (args.length > 1 ? ":" + args[0] : ""),
                          args[args.length - 1]);
                      yield null;
                    }
                    default -> null;
                  });

  private ServletOutputStream output() {
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        body.write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
  }

  private static HttpServletRequest range(String range) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, m, args) ->
                "getHeader".equals(m.getName()) && "Range".equals(args[0]) ? range : null);
  }

  @Test
  void withoutARangeTheChunksGoWhole() throws Exception {
    ByteRanges.send(range(null), response, PARTS);
    assertThat(body.toByteArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(sent).containsEntry("setContentLengthLong", 9L).doesNotContainKey("setStatus");
  }

  @Test
  void aRangeAcrossChunksIsCutFromEach() throws Exception {
    ByteRanges.send(range("bytes=2-5"), response, PARTS);
    assertThat(body.toByteArray()).containsExactly(2, 3, 4, 5);
    assertThat(sent)
        .containsEntry("setStatus", HttpServletResponse.SC_PARTIAL_CONTENT)
        .containsEntry("setHeader:Content-Range", "bytes 2-5/9")
        .containsEntry("setContentLengthLong", 4L);
  }

  @Test
  void aSuffixRangeAndAnOpenRange() throws Exception {
    ByteRanges.send(range("bytes=-3"), response, PARTS);
    assertThat(body.toByteArray()).containsExactly(6, 7, 8);
    body.reset();
    ByteRanges.send(range("bytes=4-"), response, PARTS);
    assertThat(body.toByteArray()).containsExactly(4, 5, 6, 7, 8);
  }

  @Test
  void aRangePastTheEndIsNotSatisfiable() throws Exception {
    ByteRanges.send(range("bytes=9-"), response, PARTS);
    assertThat(sent)
        .containsEntry("sendError", HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE)
        .containsEntry("setHeader:Content-Range", "bytes */9");
    assertThat(body.size()).isZero();
  }
}
