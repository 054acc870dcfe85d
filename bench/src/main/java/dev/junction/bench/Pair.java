package dev.junction.bench;

import io.vertx.core.http.ClientWebSocket;

/**
 * Two clients calling each other over and over with the {@link ExchangeScript}. At most
 * {@code window} messages of the pair are in flight (sent, not yet received by the partner); in
 * rate mode a token bucket also paces sends to {@code ratePerSecond}. Confined to the event loop
 * of its {@link TrafficLoop}, where both of its clients live.
 */
final class Pair {

  final ClientConnection caller;
  final ClientConnection callee;
  private final ExchangeScript script;
  private final TrafficLoop loop;
  private int cursor;
  private int inFlight;
  private double credits;

  Pair(ClientConnection caller, ClientConnection callee, TrafficLoop loop, double initialCredits) {
    this.caller = caller;
    this.callee = callee;
    this.loop = loop;
    this.script = new ExchangeScript(caller.name, callee.name);
    this.credits = initialCredits;
    caller.pair = this;
    callee.pair = this;
  }

  boolean ready() {
    return caller.ready() && callee.ready();
  }

  /** Rate mode: add tokens for {@code seconds} of elapsed time, capped so a stall is not made up later in a burst. */
  void refill(double perSecond, double seconds, double cap) {
    credits = Math.min(cap, credits + perSecond * seconds);
  }

  /** Sends as much as the window (and in rate mode the tokens) allow. */
  void pump() {
    LoadStats stats = loop.stats;
    while (loop.running && inFlight < loop.window && (!loop.rateMode || credits >= 1)) {
      ExchangeScript.Step step = script.step(cursor);
      ClientConnection from = step.fromCaller() ? caller : callee;
      if (!from.ready() || !(step.fromCaller() ? callee : caller).ready()) return;
      ClientWebSocket ws = from.socket();
      if (!LoopWriter.writable(ws)) {
        // The messages in flight keep coming back, and each delivery pumps again.
        stats.writeQueueFull++;
        return;
      }
      long now = System.nanoTime();
      String text = step.render(now);
      loop.writer.write(ws, text);
      if (loop.inWindow(now)) {
        stats.sent++;
        stats.sentBytes += text.length();
      }
      inFlight++;
      cursor = cursor + 1 == script.size() ? 0 : cursor + 1;
      if (loop.rateMode) credits -= 1;
    }
  }

  /** The partner received one of our messages. */
  void delivered() {
    if (inFlight > 0) inFlight--;
    pump();
  }
}
