package io.onair.portal.delivery;

import io.onair.streaming.media.live.LiveWindow;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request for something the live window does not have yet (a blocking playlist reload, the part
 * named by a preload hint, the segment being written), held without a thread: the servlet goes
 * async, and every change of the window runs the {@link Attempt} again on a container thread until
 * it answers. Past the deadline the client gets 503, which tells a player to try again (rfc8216bis
 * 6.2.5.2: the live stream has stalled).
 *
 * <p>Attempts and the timeout are serialized on this object, so exactly one of them writes the
 * response.
 */
final class HeldRequest implements AsyncListener {

  private static final Logger LOG = Logger.getLogger(HeldRequest.class.getName());

  /** Tries to answer the request. */
  @FunctionalInterface
  interface Attempt {
    /**
     * Writes the response and returns true, or returns false to wait for the window's next change.
     * Must answer (if only with 404) once the window has ended: an ended window changes no more.
     */
    boolean answer(HttpServletResponse response) throws IOException;
  }

  private final AsyncContext async;
  private final HttpServletResponse response;
  private final LiveWindow window;
  private final Attempt attempt;
  private boolean done;

  private HeldRequest(
      AsyncContext async, HttpServletResponse response, LiveWindow window, Attempt attempt) {
    this.async = async;
    this.response = response;
    this.window = window;
    this.attempt = attempt;
  }

  /**
   * Answers now if the attempt can, else holds the request until it can or {@code maxWait} passes;
   * {@code maxWait} is asked after that first attempt, which may have learnt it.
   */
  static void answer(
      HttpServletRequest request,
      HttpServletResponse response,
      LiveWindow window,
      Supplier<Duration> maxWait,
      Attempt attempt)
      throws IOException {
    if (attempt.answer(response)) {
      return;
    }
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(maxWait.get().toMillis());
    HeldRequest held = new HeldRequest(async, response, window, attempt);
    async.addListener(held);
    held.look();
  }

  /** Registers for the next change first, then looks, so no change slips in between. */
  private void look() {
    window.onNextChange(this::wake);
    synchronized (this) {
      if (done) {
        return;
      }
      try {
        done = attempt.answer(response);
      } catch (IOException | RuntimeException e) {
        done = true;
        LOG.log(Level.FINE, "A held request failed; the client has probably gone", e);
      }
    }
    if (done) {
      async.complete();
    }
  }

  /** Runs on the packaging thread: hands the look to a container thread at once. */
  private void wake() {
    synchronized (this) {
      if (done) {
        return;
      }
    }
    try {
      async.start(this::look);
    } catch (IllegalStateException completed) {
      // Timed out or failed between the check and the start: nothing left to answer.
    }
  }

  @Override
  public void onTimeout(AsyncEvent event) throws IOException {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      response.setHeader("Cache-Control", "no-store");
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
    async.complete();
  }

  @Override
  public void onError(AsyncEvent event) {
    synchronized (this) {
      done = true;
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    synchronized (this) {
      done = true;
    }
  }

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
