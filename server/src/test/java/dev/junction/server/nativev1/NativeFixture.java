package dev.junction.server.nativev1;

import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.util.ArrayList;
import java.util.List;

/** A test server and the native clients a test opens on it; {@link #close} closes them all. */
final class NativeFixture implements AutoCloseable {

  private final List<V1Client> clients = new ArrayList<>();
  private JunctionServer server;

  /** Starts a test server with {@code overrides} ({@code --set} syntax). */
  NativeFixture start(String... overrides) {
    server = TestServers.start(overrides);
    return this;
  }

  JunctionServer server() {
    return server;
  }

  int port() {
    return server.httpPort();
  }

  /** A client closed with the fixture. */
  V1Client track(V1Client client) {
    clients.add(client);
    return client;
  }

  V1Client connect(String... extraSubprotocols) throws Exception {
    return track(V1Client.connect(port(), extraSubprotocols));
  }

  /** A client welcomed as {@code identity} (no token). */
  V1Client hello(String identity) throws Exception {
    return track(V1Client.hello(port(), identity));
  }

  /** alice and bob in room {@code room}, alice having seen bob arrive. */
  V1Client[] pairIn(String room) throws Exception {
    V1Client alice = hello("alice");
    V1Client bob = hello("bob");
    alice.join(room);
    bob.join(room);
    alice.next("peer-joined");
    return new V1Client[] {alice, bob};
  }

  @Override
  public void close() {
    clients.forEach(V1Client::close);
    if (server != null) {
      server.stop();
    }
  }
}
