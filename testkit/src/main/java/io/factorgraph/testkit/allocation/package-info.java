/**
 * Zero allocation on the hot path, checked by counting bytes rather than by timing:
 * {@link io.factorgraph.testkit.allocation.AllocationMeter#bytesAllocatedBy} runs a piece of code after warm-up and
 * returns what the current thread allocated while it ran.
 *
 * <p>The project's performance rule (docs/DESIGN.md §10, and the per-tick contract of
 * {@link io.factorgraph.runtime.spi.Node}) is "0 bytes per tick", and a count is the only way to hold code to it in a
 * test: timings are noisy on a shared machine, and one stray boxed value per tick is invisible in them. It reads
 * HotSpot's per-thread allocation counter, exact for TLAB allocations, and reports the least of several measured runs,
 * because a deoptimisation inside one run can allocate on the thread without being the code's own doing, while code
 * that allocates per tick allocates in every run. The measured body is a plain interface, so measuring adds nothing of
 * its own. Most {@code *Allocation*} tests use it.
 */
package io.factorgraph.testkit.allocation;
