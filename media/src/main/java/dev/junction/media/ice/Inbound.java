package dev.junction.media.ice;

import java.util.Objects;

/** What became of one datagram that reached {@link IceDemux#receive}. */
public sealed interface Inbound {

  /** A STUN response to send: success or error. */
  record Reply(Datagram datagram) implements Inbound {
    public Reply {
      Objects.requireNonNull(datagram, "datagram");
    }
  }

  /** DTLS, RTP or RTCP for {@code session}; the caller still holds the bytes. */
  record Deliver(IceSession session, PacketKind kind) implements Inbound {
    public Deliver {
      Objects.requireNonNull(session, "session");
      if (kind != PacketKind.DTLS && kind != PacketKind.RTP && kind != PacketKind.RTCP) {
        throw new IllegalArgumentException("only DTLS, RTP and RTCP are delivered, not " + kind);
      }
    }
  }

  /** Dropped without an answer. */
  record Drop(DropReason reason) implements Inbound {

    private static final Drop[] CACHED = new Drop[DropReason.values().length];

    static {
      for (DropReason r : DropReason.values()) {
        CACHED[r.ordinal()] = new Drop(r);
      }
    }

    public Drop {
      Objects.requireNonNull(reason, "reason");
    }

    /** The shared instance for {@code reason}: a flood of junk costs no allocation per datagram. */
    public static Drop of(DropReason reason) {
      return CACHED[reason.ordinal()];
    }
  }
}
