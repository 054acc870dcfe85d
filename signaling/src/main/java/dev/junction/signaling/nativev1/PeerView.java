package dev.junction.signaling.nativev1;

import java.util.List;

/**
 * A session as the admin API shows it.
 *
 * @param identity its identity
 * @param name the name people see
 * @param state {@code active}, or {@code reconnecting} while its connection is gone and the grace window open
 * @param rooms the rooms it is in, in the order it joined them
 * @param grants what it may do
 * @param address the address its connection comes from, or null while reconnecting
 */
public record PeerView(String identity, String name, String state, List<String> rooms, Grants grants, String address) {}
