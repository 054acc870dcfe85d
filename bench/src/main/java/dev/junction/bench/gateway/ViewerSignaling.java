package dev.junction.bench.gateway;

import java.util.concurrent.CompletableFuture;

/**
 * How a viewer gets its session: the gateway's offer, then its answer delivered. In the benchmark
 * it is the XProtect REST API ({@link XProtectClient#camera}); tests give the media engine's peer
 * connections directly.
 */
interface ViewerSignaling {

  /** A session and its offer's SDP. */
  record Session(String id, String offerSdp) {}

  CompletableFuture<Session> open();

  CompletableFuture<?> answer(String sessionId, String answerSdp);
}
