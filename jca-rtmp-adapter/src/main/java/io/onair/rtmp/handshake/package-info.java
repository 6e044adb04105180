/**
 * The server side of the RTMP handshake: C0+C1 in, S0+S1+S2 out, C2 in, then the chunk stream. Both
 * handshakes real clients do are answered: the plain one of the RTMP 1.0 specification (section
 * 5.2) and the digest handshake of Flash Player 9 and later, which ffmpeg and Flash-lineage clients
 * send and check. RTMPE (encrypted RTMP) is refused.
 *
 * <p>Plain classes over bytes: the transport feeds {@link io.onair.rtmp.handshake.ServerHandshake}
 * whatever the network delivered and acts on the {@link io.onair.rtmp.handshake.HandshakeStep} it
 * returns.
 */
package io.onair.rtmp.handshake;
