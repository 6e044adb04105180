package io.onair.portal.delivery;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's clock for DASH players (UTCTiming urn:mpeg:dash:utc:http-iso:2014, ISO/IEC 23009-1
 * 5.8.5.7): an intranet has no public time servers, and players must agree with the server that
 * wrote the segments' times. Public: it tells nothing but the time.
 */
@WebServlet("/time")
public class TimeServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
  }
}
