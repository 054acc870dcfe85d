/**
 * The STUN/TURN benchmark (bench/run-turn.sh): load generators that run the same load against
 * Junction's STUN/TURN server and coturn, and the summary that prints both and the ratio.
 *
 * <ul>
 *   <li>{@link dev.junction.bench.turn.RelayLoad}: a closed-loop relay load, clients with a
 *       channel each keeping a window of ChannelData in flight to an echo peer; the rate a server
 *       relays when the load waits for nothing but its echoes.
 *   <li>{@link dev.junction.bench.turn.BindingLoad}: STUN Binding requests with a bounded window
 *       per socket; answers per second.
 *   <li>{@link dev.junction.bench.turn.AllocationHold}: thousands of authenticated UDP
 *       allocations (TURN REST credentials), held open while the script measures memory.
 *   <li>{@link dev.junction.bench.turn.TurnSummary}: reads what a run saved and prints the table.
 * </ul>
 *
 * All but RelayLoad need only the JDK and junction-stun: their classpath is
 * {@code bench/target/classes} plus the stun classes. RelayLoad uses Netty's epoll transport
 * ({@code recvmmsg}, {@code sendmmsg}, UDP GSO) and runs from the shaded junction-bench.jar.
 */
package dev.junction.bench.turn;
