package dev.junction.server.config;

import java.util.List;

/**
 * Junction's native signaling protocol v1 (docs/API.md "Native protocol").
 *
 * @param enabled serve the protocol at all
 * @param path WebSocket path on the main port
 * @param roomCapacity members one room holds (a mesh call of 6 is the default)
 * @param maxRoomsPerPeer rooms one session may be in at once
 * @param resumeGraceSeconds a session whose connection dropped waits this long for a resume
 * @param helloTimeoutSeconds a connection must say hello (or resume) within this
 * @param ackWindow frames sent and not yet acknowledged per client; further frames wait for an ack
 * @param duplicateIdentity {@code reject}, {@code rename} or {@code replace}: what a hello with an identity in use does
 * @param queue bounds of the messages waiting for one recipient
 * @param lobby the room where everyone online meets (the video-chat app's presence, chat and calls by name)
 * @param auth who may connect, and the keys of their tokens
 */
public record NativeConfig(
    boolean enabled,
    String path,
    int roomCapacity,
    int maxRoomsPerPeer,
    int resumeGraceSeconds,
    int helloTimeoutSeconds,
    int ackWindow,
    String duplicateIdentity,
    Queue queue,
    Lobby lobby,
    Auth auth) {

  /**
   * @param name the lobby's room name
   * @param capacity members it holds, instead of {@code roomCapacity}: its members are listed, not meshed
   */
  public record Lobby(String name, int capacity) {}

  /**
   * @param maxMessages relayed messages waiting for one recipient; past it the sender gets {@code expired}
   * @param maxBytes bytes of relayed messages waiting for one recipient
   * @param ttlSeconds a relayed message not sent within this expires; its sender gets {@code expired}
   */
  public record Queue(int maxMessages, int maxBytes, int ttlSeconds) {}

  /**
   * @param mode {@code none} (anyone may join any room; a token, when given, is still verified) or
   *     {@code jwt} (every client presents a token)
   * @param hs256Secrets shared secrets of HS256 tokens (at least 32 characters); empty: one is
   *     generated and kept in {@link #secretFile}
   * @param secretFile where the generated HS256 secret is kept
   * @param rs256PublicKeyFiles PEM files ({@code BEGIN PUBLIC KEY}) of RSA keys whose RS256 tokens are accepted
   * @param issuer the {@code iss} tokens must have; empty for any
   * @param audience a value tokens' {@code aud} must contain; empty for any
   * @param devTokens in mode {@code none}, {@code POST /api/v1/dev/token} mints tokens for requests from this machine
   */
  public record Auth(
      String mode,
      List<String> hs256Secrets,
      String secretFile,
      List<String> rs256PublicKeyFiles,
      String issuer,
      String audience,
      boolean devTokens) {

    public boolean tokenRequired() {
      return "jwt".equals(mode);
    }
  }
}
