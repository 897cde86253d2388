/**
 * How live processes talk: Aeron publications and subscriptions over IPC on one host or UDP between hosts, with
 * sequence numbers, heartbeats and peer liveness on top (docs/DESIGN.md §8: no home-made transport).
 *
 * <p>Start at {@link io.factorgraph.live.transport.Streams} (which process sends what to whom, one stream each), then
 * {@link io.factorgraph.live.transport.SequencedPublication} (the sending side) and
 * {@link io.factorgraph.live.transport.SequenceTracker} (the receiving side). Every message carries its sender's
 * instance id and a number that goes 1, 2, 3 ..., so a receiver tells a gap from a restart from a late join, and a
 * message offered to nobody is dropped but uses up its number, so a late subscriber sees the gap and re-syncs rather
 * than trusting stale state. Back-pressure is retried while the process keeps serving its other streams, so one slow
 * consumer never stalls a process. Liveness is read from the streams a process already consumes
 * ({@link io.factorgraph.live.transport.Heartbeats}, {@link io.factorgraph.live.transport.PeerWatch}).
 *
 * <p>Configuration is explicit and small: {@link io.factorgraph.live.transport.TransportConfig} (directory, channels,
 * idle strategy, heartbeat and peer timeout), {@link io.factorgraph.live.transport.Channels} (IPC, or UDP endpoints on
 * each subscriber's host), and {@link io.factorgraph.live.transport.MediaDrivers}, whose buffer and liveness settings
 * are sized for a small machine, and so that a killed process stops holding its peers' publications back well within
 * the strategy's stale bound. Single-threaded and allocation-free per message.
 */
package io.factorgraph.live.transport;
