package dev.junction.turn.io;

import dev.junction.turn.ClientLink;
import io.netty.buffer.ByteBuf;

/** The protocol engine as the listeners see it: one packet (released by the callee) from a client. */
@FunctionalInterface
public interface PacketHandler {

  void onClientPacket(ClientLink link, ByteBuf packet);
}
