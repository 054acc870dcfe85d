package dev.junction.gateway.stream;

import dev.junction.stun.Bytes;
import dev.junction.media.peer.StreamPacket;

import dev.junction.media.h264.AccessUnit;
import dev.junction.media.h264.H264Packetizer;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpSequencer;
import java.util.ArrayList;
import java.util.List;

/**
 * One camera's stream, whatever the number of viewers: each access unit is packetized once
 * (RFC 6184), encoded once, kept in the {@link GopCache} and handed to every viewer; a viewer only
 * rewrites headers and encrypts. A new viewer first gets the cache, so its first picture is the
 * last keyframe, at once.
 *
 * <p>Confined to one event loop: {@link #publish}, {@link #attach} and {@link #detach} all run on it.
 */
public final class CameraStream {

  /** The payload type packets are encoded with; a viewer rewrites it to what its answer chose. */
  public static final int PAYLOAD_TYPE = 96;
  private static final long STREAM_SSRC = 0;
  /** About 40 s of a 2 Mbps camera at 1200-byte payloads; longer GOPs are not cached. */
  private static final int MAX_CACHED_PACKETS = 10_000;

  private final H264Packetizer packetizer = new H264Packetizer();
  private final RtpSequencer sequencer = new RtpSequencer(STREAM_SSRC, PAYLOAD_TYPE, 0);
  private final GopCache cache = new GopCache(MAX_CACHED_PACKETS);
  private final List<StreamViewer> viewers = new ArrayList<>();
  private final boolean cacheEnabled;

  /** @param cacheEnabled false to make new viewers wait for the next keyframe (for comparison) */
  public CameraStream(boolean cacheEnabled) {
    this.cacheEnabled = cacheEnabled;
  }

  /** Packetizes {@code unit} at {@code timestamp} (90 kHz) and sends it to every viewer. */
  public void publish(AccessUnit unit, long timestamp) {
    List<StreamPacket> packets = new ArrayList<>();
    for (RtpPacket packet : packetizer.packetize(unit, timestamp, sequencer)) {
      byte[] encoded = packet.encode();
      packets.add(new StreamPacket(Bytes.copyOf(encoded, 0, encoded.length), timestamp));
    }
    List<StreamPacket> frozen = List.copyOf(packets);
    cache.add(frozen, unit.isKeyframe());
    for (StreamViewer viewer : viewers) {
      viewer.send(frozen, false);
    }
  }

  /** Adds {@code viewer}; it gets the current group of pictures first. */
  public void attach(StreamViewer viewer) {
    if (cacheEnabled) {
      List<StreamPacket> group = cache.snapshot();
      if (!group.isEmpty()) {
        viewer.send(group, true);
      }
    }
    viewers.add(viewer);
  }

  /**
   * A viewer lost a picture (PLI/FIR): a file or RTSP camera cannot make a keyframe on demand, so
   * the viewer gets the current group of pictures again from the cache. Without the cache it
   * waits for the next keyframe.
   */
  public void requestKeyframe(StreamViewer viewer) {
    if (cacheEnabled && viewers.contains(viewer)) {
      List<StreamPacket> group = cache.snapshot();
      if (!group.isEmpty()) {
        viewer.send(group, true);
      }
    }
  }

  public void detach(StreamViewer viewer) {
    viewers.remove(viewer);
  }

  public int viewerCount() {
    return viewers.size();
  }
}
