/**
 * Each live process's health as Aeron counters: messages, gaps, halts, re-syncs, cancels and hop latencies, in the
 * media driver's counters file where {@code AeronStat}, a monitor or a test reads them while the process runs,
 * without scraping its log (docs/DESIGN.md §8).
 */
package io.factorgraph.live.health;
