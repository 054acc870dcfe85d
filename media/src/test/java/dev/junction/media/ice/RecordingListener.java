package dev.junction.media.ice;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Remembers what a session told its owner. */
final class RecordingListener implements IceSessionListener {

  final List<InetSocketAddress> selected = new ArrayList<>();
  int consentExpired;

  @Override
  public void selected(IceSession session, InetSocketAddress remote) {
    selected.add(remote);
  }

  @Override
  public void consentExpired(IceSession session) {
    consentExpired++;
  }
}
