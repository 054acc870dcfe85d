/**
 * The WebRTC media engine, one subpackage per protocol: {@code sdp}, {@code ice} (ICE-lite),
 * {@code dtls}, {@code srtp}, {@code rtp} (RTP/RTCP) and {@code h264}. Pure codecs take bytes and
 * give values; only the transport touches sockets. Knows nothing of HTTP or cameras.
 */
package dev.junction.media;
