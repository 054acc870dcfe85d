package dev.junction.bench.gateway;

/** One viewer's counters at one moment, taken on its loop; {@link #minus} gives an interval. */
record ViewerSample(
    int id,
    int localPort,
    Viewer.State state,
    long packets,
    long bytes,
    long lost,
    long recovered,
    long duplicates,
    long retransmissions,
    long rtcp,
    long authFailures,
    long otherSrtpErrors,
    long strayPackets,
    long earlyDropped,
    long nacksSent,
    long consentChecks,
    long consentAnswers) {

  static final ViewerSample NONE = new ViewerSample(-1, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  static ViewerSample of(Viewer viewer, int localPort) {
    ReceiveStats s = viewer.stats;
    Viewer.Counters c = viewer.counters;
    return new ViewerSample(viewer.id, localPort, viewer.state(), s.packets, s.bytes, s.lost, s.recovered,
        s.duplicates, s.retransmissions, c.rtcp, c.authFailures, c.otherSrtpErrors, c.strayPackets, c.earlyDropped,
        c.nacksSent, c.consentChecks, c.consentAnswers);
  }

  /** The counts between {@code earlier} and this; id, port and state are this one's. */
  ViewerSample minus(ViewerSample earlier) {
    return new ViewerSample(id, localPort, state, packets - earlier.packets, bytes - earlier.bytes,
        lost - earlier.lost, recovered - earlier.recovered, duplicates - earlier.duplicates,
        retransmissions - earlier.retransmissions, rtcp - earlier.rtcp, authFailures - earlier.authFailures,
        otherSrtpErrors - earlier.otherSrtpErrors, strayPackets - earlier.strayPackets,
        earlyDropped - earlier.earlyDropped, nacksSent - earlier.nacksSent, consentChecks - earlier.consentChecks,
        consentAnswers - earlier.consentAnswers);
  }
}
