package dev.junction.media.peer;

import dev.junction.stun.Bytes;

/**
 * One RTP packet of a shared stream, encoded once for every viewer: each viewer copies it,
 * rewrites SSRC, sequence number and timestamp in the copy, and encrypts that.
 *
 * @param rtp the whole encoded RTP packet, with the stream's own sequence number and timestamp
 * @param timestamp its 90 kHz timestamp on the stream's timeline, unwrapped
 */
public record StreamPacket(Bytes rtp, long timestamp) {}
