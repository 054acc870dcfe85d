package dev.junction.bench.gateway;

import dev.junction.bench.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Every viewer's counters at one moment, and the packet delays recorded since the previous sample
 * that took them. {@link #since} turns two samples into an {@link Interval}.
 */
record FleetSample(long nanos, Map<Integer, ViewerSample> viewers, LatencyHistogram delays) {

  Interval since(FleetSample earlier) {
    List<ViewerSample> deltas = new ArrayList<>();
    for (ViewerSample now : viewers.values()) {
      deltas.add(now.minus(earlier.viewers.getOrDefault(now.id(), ViewerSample.NONE)));
    }
    return new Interval((nanos - earlier.nanos) / 1e9, deltas, delays);
  }

  /** What happened between two samples: per viewer, and the delays of the later sample. */
  record Interval(double seconds, List<ViewerSample> viewers, LatencyHistogram delays) {

    long sum(ToLongFunction<ViewerSample> counter) {
      return viewers.stream().mapToLong(counter).sum();
    }

    long count(Viewer.State state) {
      return viewers.stream().filter(v -> v.state() == state).count();
    }

    /** Viewers for which {@code counter} went up in the interval. */
    long viewersWithAny(ToLongFunction<ViewerSample> counter) {
      return viewers.stream().filter(v -> counter.applyAsLong(v) > 0).count();
    }

    /** Packets per second of each viewer that is connected at the end. */
    LongSummaryStatistics packetRates() {
      return viewers.stream().filter(v -> v.state() == Viewer.State.CONNECTED)
          .mapToLong(v -> Math.round(v.packets() / seconds)).summaryStatistics();
    }
  }
}
