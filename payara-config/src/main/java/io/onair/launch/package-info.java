/**
 * The one-command run: starts PostgreSQL (embedded unless an external one is configured), then the
 * RTMP adapter and the portal on Payara Micro, waits until they are ready, and stops both cleanly.
 */
package io.onair.launch;
