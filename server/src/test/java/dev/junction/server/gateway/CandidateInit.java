package dev.junction.server.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.RTCIceCandidate;

/**
 * One ICE candidate in the browser's {@code RTCIceCandidateInit} shape: what
 * {@code JSON.stringify(candidate)} gives, and what the XProtect API carries as the strings of
 * {@code candidates} in both directions (specs/xprotect-webrtc-api.md §1.3, §1.4).
 *
 * <p>libwebrtc's Java binding has no {@code usernameFragment}; a browser takes it from the
 * candidate's own {@code ufrag} attribute, which libwebrtc writes into every candidate line it
 * gathers, so it is read from there.
 *
 * @param candidate the candidate line without {@code a=}, e.g. {@code candidate:1 1 udp ...};
 *     empty for the end-of-candidates marker a browser may send
 * @param sdpMid the media section's mid, or null
 * @param sdpMLineIndex the media section's index, or null
 * @param usernameFragment the ICE ufrag the candidate belongs to, or null
 */
record CandidateInit(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {

  private static final ObjectMapper JSON = new ObjectMapper();

  CandidateInit {
    if (candidate == null) {
      throw new IllegalArgumentException("candidate is required (empty for end-of-candidates)");
    }
    if (!candidate.isEmpty() && sdpMid == null && sdpMLineIndex == null) {
      throw new IllegalArgumentException("a candidate needs sdpMid or sdpMLineIndex: " + candidate);
    }
  }

  /** A candidate libwebrtc gathered, as a browser would describe it. */
  static CandidateInit of(RTCIceCandidate gathered) {
    return new CandidateInit(gathered.sdp, gathered.sdpMid, gathered.sdpMLineIndex, ufragOf(gathered.sdp));
  }

  /** Parses one {@code RTCIceCandidateInit} JSON object, as a server returns or a browser posts it. */
  static CandidateInit fromJson(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + json);
    }
    JsonNode index = node.path("sdpMLineIndex");
    boolean hasIndex = !index.isMissingNode() && !index.isNull();
    if (hasIndex && !(index.isIntegralNumber() && index.canConvertToInt())) {
      throw new IllegalArgumentException("sdpMLineIndex is not an integer: " + json);
    }
    return new CandidateInit(
        textOrNull(node, "candidate"),
        textOrNull(node, "sdpMid"),
        hasIndex ? Integer.valueOf(index.intValue()) : null,
        textOrNull(node, "usernameFragment"));
  }

  /** The JSON a browser's {@code JSON.stringify(candidate)} gives, members in the same order. */
  String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("candidate", candidate);
    node.put("sdpMid", sdpMid);
    node.put("sdpMLineIndex", sdpMLineIndex);
    node.put("usernameFragment", usernameFragment);
    return node.toString();
  }

  /** True for the empty candidate that only says the sender has gathered all its candidates. */
  boolean isEndOfCandidates() {
    return candidate.isEmpty();
  }

  /** The candidate for libwebrtc; an empty mid makes it use the index, as the W3C API does. */
  RTCIceCandidate toNative() {
    return new RTCIceCandidate(sdpMid == null ? "" : sdpMid, sdpMLineIndex == null ? 0 : sdpMLineIndex, candidate);
  }

  /** The value of the {@code ufrag} extension attribute of a candidate line (RFC 8839 §5.1), or null. */
  static String ufragOf(String candidateLine) {
    String[] tokens = candidateLine.trim().split(" +");
    // The first eight tokens are the fixed fields (foundation ... typ type); extensions are name-value pairs after.
    for (int i = 8; i + 1 < tokens.length; i += 2) {
      if (tokens[i].equals("ufrag")) {
        return tokens[i + 1];
      }
    }
    return null;
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string: " + node);
    }
    return value.textValue();
  }
}
