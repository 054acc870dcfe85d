/**
 * The STUN/TURN benchmark (bench/run-turn.sh): load generators that run the same load against
 * Junction's STUN/TURN server and coturn, and the summary that prints both and the ratio.
 *
 * <ul>
 *   <li>{@link dev.junction.bench.turn.BindingLoad}: STUN Binding requests with a bounded window
 *       per socket; answers per second.
 *   <li>{@link dev.junction.bench.turn.AllocationHold}: thousands of authenticated UDP
 *       allocations (TURN REST credentials), held open while the script measures memory.
 *   <li>{@link dev.junction.bench.turn.TurnSummary}: reads what a run saved and prints the table.
 * </ul>
 *
 * Only the JDK and junction-stun: the classpath is {@code bench/target/classes} plus the stun jar.
 */
package dev.junction.bench.turn;
