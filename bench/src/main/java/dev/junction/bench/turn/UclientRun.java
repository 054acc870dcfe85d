package dev.junction.bench.turn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code turnutils_uclient} run, read from its output with each line prefixed by the wall
 * clock when the script saw it ({@code <epoch seconds with fraction> <line>}; the script runs
 * the client line-buffered).
 *
 * <p>The client's own "Total transmit time" is in whole seconds and, after any loss, includes a
 * fixed 10-second wait for stragglers; so the rate here is {@code received / (end - connected)}:
 * from the line that reports the connect time (sending starts 1-6 s later, randomly per session,
 * the same for both servers) to the first line that shows the final received count. For a
 * lossless run that is the client's last line, printed when the last echo arrived; after a loss
 * it is the progress line (once a second) where the count stopped growing.
 *
 * @param sent messages sent by all sessions ({@code tot_send_msgs} of the last summary line)
 * @param received messages echoed back through the relay ({@code tot_recv_msgs})
 * @param lost what the client reports as lost
 * @param clientTransmitSeconds the client's own "Total transmit time", whole seconds
 * @param connectedAt when the connect-time line was printed (epoch seconds)
 * @param endAt when the final received count first showed (epoch seconds)
 * @param errors lines that report an error (for instance a 437 on a reused local port)
 */
record UclientRun(long sent, long received, long lost, long clientTransmitSeconds, double connectedAt, double endAt,
    int errors) {

  private static final Pattern LINE = Pattern.compile("^(\\d+(?:\\.\\d+)?) (.*)$");
  private static final Pattern FINAL = Pattern.compile("tot_send_msgs=(\\d+), tot_recv_msgs=(\\d+)\\s*$");
  private static final Pattern RECEIVED = Pattern.compile("tot_recv_msgs=(\\d+)");
  private static final Pattern LOST = Pattern.compile("Total lost packets (\\d+)");
  private static final Pattern TRANSMIT = Pattern.compile("Total transmit time is (\\d+)");

  static UclientRun parse(String log) {
    long sent = -1;
    long received = -1;
    long lost = -1;
    long transmit = -1;
    double connected = Double.NaN;
    int errors = 0;
    String[] lines = log.split("\n");
    for (String raw : lines) {
      Matcher line = LINE.matcher(raw);
      if (!line.matches()) {
        continue;
      }
      String text = line.group(2);
      if (Double.isNaN(connected) && text.contains("Total connect time is")) {
        connected = Double.parseDouble(line.group(1));
      }
      Matcher m = FINAL.matcher(text);
      if (m.find() && !text.contains("msz=")) {
        sent = Long.parseLong(m.group(1));
        received = Long.parseLong(m.group(2));
      }
      m = LOST.matcher(text);
      if (m.find()) {
        lost = Long.parseLong(m.group(1));
      }
      m = TRANSMIT.matcher(text);
      if (m.find()) {
        transmit = Long.parseLong(m.group(1));
      }
      if (text.contains("ERROR") || text.contains("error ")) {
        errors++;
      }
    }
    if (received < 0 || Double.isNaN(connected)) {
      throw new IllegalArgumentException("not a finished turnutils_uclient run (no connect time or final totals)");
    }
    double end = Double.NaN;
    for (String raw : lines) {
      Matcher line = LINE.matcher(raw);
      if (line.matches()) {
        Matcher m = RECEIVED.matcher(line.group(2));
        if (m.find() && Long.parseLong(m.group(1)) == received) {
          end = Double.parseDouble(line.group(1));
          break;
        }
      }
    }
    return new UclientRun(sent, received, lost, transmit, connected, end, errors);
  }

  double seconds() {
    return endAt - connectedAt;
  }

  /** Echoed messages per second (each is relayed twice by the server: to the peer and back). */
  double rate() {
    return received / seconds();
  }

  /** Every message sent came back, and the client counted no loss. */
  boolean lossless(long expected) {
    return sent == expected && received == sent && lost == 0;
  }
}
