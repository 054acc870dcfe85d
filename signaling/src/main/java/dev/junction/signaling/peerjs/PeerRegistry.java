package dev.junction.signaling.peerjs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.junction.signaling.CloseReason;
import dev.junction.signaling.Connection;
import dev.junction.signaling.ErrorKind;
import dev.junction.signaling.SignalingEvents;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The state of a PeerJS server: which id is registered with which token on which connection, when
 * each peer last sent {@code HEARTBEAT}, and the mailboxes of peers not connected. It never reads
 * a clock of its own: time comes from the injected clock, and the caller's timer calls {@link
 * #sweep} to expire mailboxes and drop silent peers. It talks to clients only through their
 * {@link Connection}s.
 *
 * <p>Thread-safe: every method holds the registry's monitor. {@link Connection#send} never blocks
 * (it queues on the recipient's event loop), and sending under the monitor keeps each recipient's
 * messages in the order decided here: {@code OPEN}, then held messages, then new ones.
 */
final class PeerRegistry {

  private final PeerJsSettings settings;
  private final LongSupplier nanoClock;
  private final SignalingEvents events;
  private final Map<String, Peer> peers = new HashMap<>();
  /** By recipient id, oldest first, so a sweep meets them in the order they expire. */
  private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();

  /** One registered id: the connection currently speaking for it. */
  private static final class Peer {
    final Credentials credentials;
    Connection connection;
    long lastHeartbeatNanos;

    Peer(Credentials credentials, Connection connection, long nowNanos) {
      this.credentials = credentials;
      this.connection = connection;
      this.lastHeartbeatNanos = nowNanos;
    }
  }

  PeerRegistry(PeerJsSettings settings, LongSupplier nanoClock, SignalingEvents events) {
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.events = events;
  }

  /**
   * Registers {@code connection} under the credentials' id, or replaces the id's connection when
   * the token matches. A registered peer is sent {@code OPEN} (new peers only) and then every
   * message held for it, in order; its liveness clock starts now.
   */
  synchronized Registration register(Credentials credentials, Connection connection) {
    long now = nanoClock.getAsLong();
    Peer existing = peers.get(credentials.id());
    if (existing != null) {
      if (!existing.credentials.ownedBy(credentials.token())) {
        return new Registration.IdTaken();
      }
      Connection previous = existing.connection;
      existing.connection = connection;
      existing.lastHeartbeatNanos = now;
      deliverHeld(credentials.id(), connection);
      return new Registration.TakenOver(previous);
    }
    if (peers.size() >= settings.concurrentLimit()) {
      return new Registration.Full();
    }
    peers.put(credentials.id(), new Peer(credentials, connection, now));
    connection.send(PeerJsMessages.open());
    deliverHeld(credentials.id(), connection);
    return new Registration.Opened();
  }

  private void deliverHeld(String id, Connection connection) {
    Mailbox mailbox = mailboxes.remove(id);
    if (mailbox == null) {
      return;
    }
    for (Mailbox.Held held : mailbox.messages()) {
      connection.send(held.text());
    }
    events.messageRelayed(PeerJsDialect.NAME, mailbox.size());
  }

  /** {@code HEARTBEAT}: the only message that proves a peer alive (peerjs-server's rule). */
  synchronized void heartbeat(String id, Connection from) {
    Peer peer = current(id, from);
    if (peer != null) {
      peer.lastHeartbeatNanos = nanoClock.getAsLong();
    }
  }

  /**
   * Relays one message from {@code src} to {@code dst} with {@code src} stamped by the server.
   * A connected recipient gets it at once. A recipient still registered but whose connection is
   * closing is dropped, and the sender gets {@code LEAVE} from it so it stops trying. For an absent
   * recipient the message is held until it connects or the mailbox expires; {@code LEAVE} and
   * {@code EXPIRE} are not held, having nobody to tell.
   */
  synchronized void transmit(String src, Connection from, String type, String dst, JsonNode payload) {
    if (current(src, from) == null) {
      return; // a connection replaced by a takeover speaks for nobody
    }
    String text = PeerJsMessages.relay(type, src, dst, payload);
    Peer recipient = peers.get(dst);
    if (recipient != null && recipient.connection.isOpen()) {
      recipient.connection.send(text);
      events.messageRelayed(PeerJsDialect.NAME, 1);
    } else if (recipient != null) {
      peers.remove(dst);
      recipient.connection.close(CloseReason.goingAway("connection lost"));
      events.error(PeerJsDialect.NAME, ErrorKind.PEER_GONE);
      from.send(PeerJsMessages.leave(dst, src));
    } else if (!type.equals(PeerJsMessages.LEAVE) && !type.equals(PeerJsMessages.EXPIRE)) {
      hold(src, from, dst, text);
    }
  }

  private void hold(String src, Connection from, String dst, String text) {
    Mailbox mailbox = mailboxes.computeIfAbsent(dst, id -> new Mailbox(nanoClock.getAsLong()));
    if (mailbox.size() >= settings.maxQueuedPerPeer()) {
      // Refused at once with the same answer the sender would get later: the peer is unreachable.
      events.error(PeerJsDialect.NAME, ErrorKind.QUEUE_FULL);
      from.send(PeerJsMessages.expire(dst, src));
      return;
    }
    mailbox.add(src, text);
    events.messageQueued(PeerJsDialect.NAME);
  }

  /** {@code LEAVE} without a destination: the peer signs off; its connection is closed. */
  synchronized void leave(String id, Connection from) {
    if (current(id, from) != null) {
      peers.remove(id);
      from.close(new CloseReason(1000, "left"));
    }
  }

  /** The connection is gone: its id is freed, unless a takeover already gave the id to another connection. */
  synchronized void unregister(String id, Connection connection) {
    if (current(id, connection) != null) {
      peers.remove(id);
    }
  }

  /**
   * The periodic sweep: disconnects every peer silent past {@code alive_timeout}, and expires
   * every mailbox older than {@code expire_timeout}, telling each of its senders once with
   * {@code EXPIRE}.
   */
  synchronized void sweep() {
    long now = nanoClock.getAsLong();
    long aliveNanos = TimeUnit.MILLISECONDS.toNanos(settings.aliveTimeoutMillis());
    for (Iterator<Peer> it = peers.values().iterator(); it.hasNext(); ) {
      Peer peer = it.next();
      if (now - peer.lastHeartbeatNanos >= aliveNanos) {
        it.remove();
        events.error(PeerJsDialect.NAME, ErrorKind.NO_HEARTBEAT);
        peer.connection.close(CloseReason.goingAway("no HEARTBEAT within the alive timeout"));
      }
    }
    long expireNanos = TimeUnit.MILLISECONDS.toNanos(settings.expireTimeoutMillis());
    for (Iterator<Map.Entry<String, Mailbox>> it = mailboxes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Mailbox> entry = it.next();
      Mailbox mailbox = entry.getValue();
      if (!mailbox.expired(now, expireNanos)) {
        break; // the rest were opened later
      }
      it.remove();
      events.queuedMessagesExpired(PeerJsDialect.NAME, mailbox.size());
      for (String sender : mailbox.senders()) {
        Peer peer = peers.get(sender);
        if (peer != null) {
          peer.connection.send(PeerJsMessages.expire(entry.getKey(), sender));
        }
      }
    }
  }

  /** A fresh random id no peer has (UUID v4, as peerjs-server's default generator). */
  synchronized String newId() {
    String id;
    do {
      id = UUID.randomUUID().toString();
    } while (peers.containsKey(id));
    return id;
  }

  /** The ids registered now. */
  synchronized List<String> ids() {
    return List.copyOf(peers.keySet());
  }

  private Peer current(String id, Connection connection) {
    Peer peer = peers.get(id);
    return peer != null && peer.connection == connection ? peer : null;
  }
}
