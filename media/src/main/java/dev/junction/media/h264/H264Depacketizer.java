package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.SequenceNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds access units from RTP packets of RFC 6184 packetization mode 1: single NAL unit
 * packets, STAP-A and FU-A. For tests and for RTSP ingest.
 *
 * <p>An access unit ends at the packet with the marker bit, or, if that packet was lost, when
 * the timestamp changes. Loss shows as a gap in sequence numbers: the FU-A being reassembled is
 * dropped (its middle is missing, and a decoder must not see a NAL unit with a hole), fragments
 * that arrive without their start are dropped, and the access unit is flagged not
 * {@link DepacketizedAccessUnit#intact() intact}. Packets older than the last one are dropped as
 * late or duplicate: there is no jitter buffer here, so reordered input counts as loss.
 *
 * <p>A malformed payload throws {@link H264ParseException}; the depacketizer stays usable, treats
 * the packet as lost, and completed access units are still returned by the next call.
 *
 * <p>Confined to one thread; one instance per stream.
 */
public final class H264Depacketizer {

  private final List<DepacketizedAccessUnit> ready = new ArrayList<>(2);
  private final List<NalUnit> current = new ArrayList<>();
  private final List<Bytes> fragments = new ArrayList<>();
  private int fragmentHeader = -1; // the reassembled NAL unit's header byte, -1 if none in progress
  private int fragmentSize;
  private boolean discardingFragments; // the rest of a dropped FU-A, already counted
  private boolean awaitingMarker; // packets of the current timestamp came, its marker has not
  private boolean started;
  private int expectedSequenceNumber;
  private long timestamp;
  private boolean damaged;
  private long lostPackets;
  private long latePackets;
  private long droppedNalUnits;

  /** Takes the next packet; returns the access units it completed (usually none or one). */
  public List<DepacketizedAccessUnit> push(RtpPacket packet) throws H264ParseException {
    int sequenceNumber = packet.sequenceNumber();
    int lost = 0;
    if (started) {
      int distance = SequenceNumbers.distance(expectedSequenceNumber, sequenceNumber);
      if (distance < 0) {
        latePackets++;
        return drainReady();
      }
      lost = distance;
      lostPackets += distance;
    }
    boolean gap = lost > 0;
    if (started && packet.timestamp() != timestamp && awaitingMarker) {
      // The previous access unit's marker packet never came: it was lost (or never sent). If
      // exactly one packet is missing, that was it, and this access unit begins whole.
      finishAccessUnit(true);
      gap = lost > 1;
    }
    started = true;
    expectedSequenceNumber = SequenceNumbers.next(sequenceNumber);
    timestamp = packet.timestamp();
    if (gap) {
      damaged = true;
      dropFragments();
    }
    H264ParseException malformed = null;
    try {
      readPayload(packet.payload());
    } catch (H264ParseException e) {
      malformed = e;
      damaged = true;
      dropFragments();
    }
    awaitingMarker = !packet.marker();
    if (packet.marker()) {
      finishAccessUnit(damaged || fragmentHeader >= 0);
    }
    if (malformed != null) {
      throw malformed; // what this packet completed waits in ready for the next call
    }
    return drainReady();
  }

  /** The access unit in progress, as it is, for the end of a stream; an empty list if none. */
  public List<DepacketizedAccessUnit> flush() {
    if (fragmentHeader >= 0) {
      dropFragments();
      damaged = true;
    }
    finishAccessUnit(damaged);
    return drainReady();
  }

  /** Packets missing from the sequence so far. */
  public long lostPackets() {
    return lostPackets;
  }

  /** Packets that came after a later one (late or duplicate) and were dropped. */
  public long latePackets() {
    return latePackets;
  }

  /** NAL units lost to broken fragmentation (an FU-A missing a fragment, or fragments without a start). */
  public long droppedNalUnits() {
    return droppedNalUnits;
  }

  private void readPayload(Bytes payload) throws H264ParseException {
    if (payload.isEmpty()) {
      throw new H264ParseException("empty RTP payload: an H.264 payload begins with a NAL unit header (RFC 6184 §5.2)");
    }
    int type = payload.getUnsigned(0) & 0x1f;
    if (type == FuA.TYPE) {
      readFragment(payload);
      return;
    }
    discardingFragments = false;
    if (fragmentHeader >= 0) {
      // An FU-A ended without its E fragment: the FUs of a NAL unit come consecutively (§5.8).
      dropFragments();
      damaged = true;
    }
    if (type >= 1 && type <= 23) {
      current.add(new NalUnit(payload)); // single NAL unit packet, §5.6
    } else if (type == StapA.TYPE) {
      current.addAll(StapA.parse(payload));
    } else if (type == 25 || type == 26 || type == 27 || type == 29) {
      throw new H264ParseException("payload type " + type + " (" + NalUnitType.of(type)
          + ") is for the interleaved mode; packetization-mode 1 uses single NAL units, STAP-A and FU-A (RFC 6184 §6.3)");
    } else {
      throw new H264ParseException("NAL unit type " + type + " is reserved in RTP payloads (RFC 6184 §5.2, Table 1)");
    }
  }

  private void readFragment(Bytes payload) throws H264ParseException {
    if (payload.size() < FuA.OVERHEAD) {
      throw new H264ParseException("FU-A of " + payload.size() + " byte lacks its FU header (RFC 6184 §5.8)");
    }
    int indicator = payload.getUnsigned(0);
    int header = payload.getUnsigned(1);
    boolean start = (header & FuA.START) != 0;
    boolean end = (header & FuA.END) != 0;
    int nalType = header & 0x1f;
    if (start && end) {
      throw new H264ParseException(
          "FU-A with both S and E set: RFC 6184 §5.8 forbids a fragmented NAL unit in one FU");
    }
    if (nalType == 0 || nalType >= StapA.TYPE) {
      throw new H264ParseException("FU-A carries NAL unit type " + nalType + ", which is not an H.264 NAL unit (1-23)");
    }
    int nalHeader = indicator & 0xE0 | nalType;
    if (start) {
      if (fragmentHeader >= 0) {
        dropFragments(); // the previous one never got its end
        damaged = true;
      }
      discardingFragments = false;
      fragmentHeader = nalHeader;
      fragmentSize = 1;
    } else if (fragmentHeader < 0 || fragmentHeader != nalHeader) {
      if (fragmentHeader >= 0) {
        dropFragments(); // fragments of two NAL units mixed: neither is whole
      } else if (!discardingFragments) {
        droppedNalUnits++; // its start was lost
        discardingFragments = true;
      }
      damaged = true;
      return;
    }
    Bytes data = payload.slice(FuA.OVERHEAD);
    fragments.add(data);
    fragmentSize += data.size();
    if (end) {
      Bytes.Builder nal = Bytes.builder(fragmentSize).writeByte(fragmentHeader);
      fragments.forEach(nal::write);
      current.add(new NalUnit(nal.build()));
      fragments.clear();
      fragmentHeader = -1;
    }
  }

  private void dropFragments() {
    if (fragmentHeader >= 0) {
      droppedNalUnits++;
      discardingFragments = true;
    }
    fragments.clear();
    fragmentHeader = -1;
  }

  private void finishAccessUnit(boolean wasDamaged) {
    if (fragmentHeader >= 0) {
      dropFragments();
    }
    if (!current.isEmpty()) {
      ready.add(new DepacketizedAccessUnit(timestamp, new AccessUnit(current), !wasDamaged));
      current.clear();
    }
    damaged = false;
  }

  private List<DepacketizedAccessUnit> drainReady() {
    if (ready.isEmpty()) {
      return List.of();
    }
    List<DepacketizedAccessUnit> out = List.copyOf(ready);
    ready.clear();
    return out;
  }
}
