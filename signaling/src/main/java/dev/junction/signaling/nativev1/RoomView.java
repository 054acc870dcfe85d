package dev.junction.signaling.nativev1;

import java.util.List;

/**
 * A room as the admin API shows it.
 *
 * @param name its name
 * @param capacity how many members it holds
 * @param members its members in join order
 */
public record RoomView(String name, int capacity, List<PeerView> members) {}
