package dev.junction.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tutorial dialect (flaviocopes' server and its tutorialspoint sibling, specs/signaling-anchors.md
 * §2 and §11.3): login, offer/answer/candidate relay, close/leave, the error for unknown commands.
 */
class TutorialDialectTest {

  private JunctionServer server;
  private final List<WsClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    server = TestServers.start();
  }

  @AfterEach
  void stop() {
    clients.forEach(WsClient::close);
    server.stop();
  }

  private WsClient connect() throws Exception {
    WsClient client = WsClient.connect("ws://127.0.0.1:" + server.httpPort() + "/ws/tutorial");
    clients.add(client);
    return client;
  }

  /** flaviocopes' login: {@code username}. */
  private WsClient login(String name) throws Exception {
    WsClient client = connect().send("{\"type\":\"login\",\"username\":\"" + name + "\"}");
    assertThat(client.next("login").get("success").asBoolean()).isTrue();
    return client;
  }

  /** tutorialspoint's login: {@code name}. */
  private WsClient loginByName(String name) throws Exception {
    WsClient client = connect().send("{\"type\":\"login\",\"name\":\"" + name + "\"}");
    assertThat(client.next("login").get("success").asBoolean()).isTrue();
    return client;
  }

  /** alice offers, bob answers: the two are partners. */
  private void call(WsClient alice, WsClient bob) throws Exception {
    alice.send("{\"type\":\"offer\",\"otherUsername\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    bob.next("offer");
    bob.send("{\"type\":\"answer\",\"otherUsername\":\"alice\",\"answer\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}");
    alice.next("answer");
  }

  @Test
  void loginSucceedsOnceAndADuplicateGetsSuccessFalse() throws Exception {
    login("alice");
    WsClient second = connect().send("{\"type\":\"login\",\"username\":\"alice\"}");
    JsonNode reply = second.next("login");
    assertThat(reply.get("success").asBoolean()).isFalse();
    // No rename in this dialect: the second client may try another name.
    second.send("{\"type\":\"login\",\"username\":\"alice2\"}");
    assertThat(second.next("login").get("success").asBoolean()).isTrue();
  }

  @Test
  void anOfferIsForwardedWithTheSendersName() throws Exception {
    WsClient alice = login("alice");
    WsClient bob = login("bob");
    alice.send("{\"type\":\"offer\",\"otherUsername\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0 o\"}}");
    JsonNode offer = bob.next("offer");
    assertThat(offer.get("offer").get("sdp").asText()).isEqualTo("v=0 o");
    assertThat(offer.get("username").asText()).isEqualTo("alice");
    assertThat(offer.get("name").asText()).isEqualTo("alice");
    assertThat(offer.has("otherUsername")).isFalse();
  }

  @Test
  void answerAndCandidateAreForwardedToTheNamedPeer() throws Exception {
    WsClient alice = login("alice");
    WsClient bob = login("bob");
    call(alice, bob);
    bob.send("{\"type\":\"candidate\",\"otherUsername\":\"alice\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 9 10.0.0.2 5000 typ host\",\"sdpMid\":\"0\"}}");
    JsonNode candidate = alice.next("candidate");
    assertThat(candidate.get("candidate").get("sdpMid").asText()).isEqualTo("0");
    assertThat(candidate.get("username").asText()).isEqualTo("bob");
  }

  @Test
  void theTutorialspointFieldNamesWorkToo() throws Exception {
    WsClient alice = loginByName("alice");
    WsClient bob = loginByName("bob");
    alice.send("{\"type\":\"offer\",\"name\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    assertThat(bob.next("offer").get("name").asText()).isEqualTo("alice");
    bob.send("{\"type\":\"leave\",\"name\":\"alice\"}");
    alice.next("leave");
  }

  @Test
  void closeIsForwardedToThePartner() throws Exception {
    WsClient alice = login("alice");
    WsClient bob = login("bob");
    call(alice, bob);
    alice.send("{\"type\":\"close\",\"otherUsername\":\"bob\"}");
    assertThat(bob.next("close").get("username").asText()).isEqualTo("alice");
  }

  @Test
  void thePartnerGetsCloseWhenTheSocketDrops() throws Exception {
    WsClient alice = login("alice");
    WsClient bob = login("bob");
    call(alice, bob);
    alice.abort();
    bob.next("close");
  }

  @Test
  void aTutorialspointPartnerGetsLeaveWhenTheSocketDrops() throws Exception {
    WsClient alice = loginByName("alice");
    WsClient bob = loginByName("bob");
    alice.send("{\"type\":\"offer\",\"name\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    bob.next("offer");
    alice.abort();
    bob.next("leave");
  }

  @Test
  void theCalleeIsToldWhenTheCallerDropsBeforeTheAnswer() throws Exception {
    WsClient alice = login("alice");
    WsClient bob = login("bob");
    alice.send("{\"type\":\"offer\",\"otherUsername\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    bob.next("offer");
    alice.abort();
    bob.next("close");
  }

  @Test
  void aStrayOffererLeavingDoesNotEndAnotherCall() throws Exception {
    WsClient alice = login("alice");
    WsClient bob = login("bob");
    WsClient mallory = login("mallory");
    call(alice, bob);
    mallory.send("{\"type\":\"offer\",\"otherUsername\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
    bob.next("offer");
    mallory.abort();
    bob.expectSilence(300);
  }

  @Test
  void anUnknownTypeGetsCommandNotFound() throws Exception {
    WsClient alice = login("alice");
    alice.send("{\"type\":\"dance\"}");
    assertThat(alice.next("error").get("message").asText()).isEqualTo("Command not found: dance");
  }

  @Test
  void invalidJsonGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
    WsClient client = connect();
    client.send("not json at all");
    assertThat(client.next("error").get("message").asText()).startsWith("Invalid JSON");
    client.send("{\"type\":\"login\",\"username\":\"alice\"}");
    assertThat(client.next("login").get("success").asBoolean()).isTrue();
  }

  @Test
  void relayingBeforeLoginIsRefused() throws Exception {
    login("bob");
    WsClient anonymous = connect();
    anonymous.send("{\"type\":\"offer\",\"otherUsername\":\"bob\",\"offer\":{}}");
    assertThat(anonymous.next("error").get("message").asText()).contains("Log in");
  }

  @Test
  void aMessageForAnUnknownPeerIsDroppedSilently() throws Exception {
    WsClient alice = login("alice");
    alice.send("{\"type\":\"offer\",\"otherUsername\":\"nobody\",\"offer\":{}}");
    alice.send("{\"type\":\"close\",\"otherUsername\":\"nobody\"}");
    alice.expectSilence(300);
  }

  @Test
  void anOfferWithoutItsPayloadIsRefused() throws Exception {
    WsClient alice = login("alice");
    login("bob");
    alice.send("{\"type\":\"offer\",\"otherUsername\":\"bob\"}");
    assertThat(alice.next("error").get("message").asText()).contains("offer");
  }
}
