package dev.junction.server.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** MDN chat clients for tests: connects, logs in the way MDN's client does, and closes them all. */
final class MdnClients implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final List<WsClient> open = new ArrayList<>();
  /** The last userlist each client was seen to receive, so a wait can be satisfied by one already read. */
  private final java.util.Map<WsClient, String> lastUserlist = new java.util.HashMap<>();

  MdnClients(String url) {
    this.url = url;
  }

  String url() {
    return url;
  }

  WsClient track(WsClient client) {
    open.add(client);
    return client;
  }

  WsClient connect() throws Exception {
    return track(WsClient.connect(url, "json"));
  }

  static String username(long id, String name) throws Exception {
    return "{\"type\":\"username\",\"id\":" + id + ",\"name\":" + JSON.writeValueAsString(name) + ",\"date\":1}";
  }

  /** Connects and names itself as MDN's client does: on the {@code id} greeting. */
  WsClient login(String name) throws Exception {
    WsClient client = connect();
    long id = client.next("id").get("id").asLong();
    client.next("userlist");
    client.send(username(id, name));
    lastUserlist.put(client, client.next("userlist").get("users").toString());
    return client;
  }

  /** Logs everyone in, then waits until each has seen the complete list, so no list is in flight. */
  List<WsClient> loginAll(String... names) throws Exception {
    List<WsClient> logged = new ArrayList<>();
    for (String name : names) {
      logged.add(login(name));
    }
    String complete = JSON.writeValueAsString(names);
    for (WsClient client : logged) {
      awaitUserlist(client, complete);
    }
    return logged;
  }

  /** Reads userlists until one equals {@code expected} (JSON array text), unless login already saw it. */
  private void awaitUserlist(WsClient client, String expected) throws Exception {
    if (expected.equals(lastUserlist.remove(client))) {
      return;
    }
    awaitUserlistMessage(client, expected);
  }

  /** Reads userlists until one equals {@code expected} (JSON array text). */
  static void awaitUserlistMessage(WsClient client, String expected) throws Exception {
    for (int i = 0; i < 50; i++) {
      JsonNode list = client.nextOfType("userlist");
      if (list.get("users").toString().equals(expected)) {
        return;
      }
    }
    throw new AssertionError("never saw the userlist " + expected);
  }

  @Override
  public void close() {
    open.forEach(WsClient::close);
  }
}
