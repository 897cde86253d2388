package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance's order-book synchronisation, applied to the depth messages of one stream as they are read:
 * which diffs to hold back, drop, apply, or report as a gap.
 *
 * <p>Diffs are held back until a REST snapshot arrives. Then those with {@code u < lastUpdateId} are
 * dropped and the rest applied in order; the first applied must satisfy {@code U <= lastUpdateId}
 * (futures: the diff has {@code pu}) or {@code U <= lastUpdateId + 1} (spot), and each later one must
 * continue the previous: {@code pu == previous u} (futures) or {@code U == previous u + 1} (spot). Held
 * diffs are emitted right after the snapshot's rows, stamped with its local time (when a live client
 * could have applied them), so local time never goes backwards, and in one message with them: a client applies
 * the snapshot and the diffs it buffered as one change, so a replay without a clock ticks once for them
 * (docs/DESIGN.md §11), and no tick sees the snapshot without the diffs already received. Anything else is a gap, handled per
 * {@link GapPolicy} and never applied. A snapshot that arrives while in sync is skipped.
 *
 * <p>Works on the rows a message was parsed into, at the end of an {@link EventBatch}: stamps them to
 * emit them, truncates them to drop or hold them.
 */
final class DepthSync {
    private static final int APPLY = 0;
    private static final int DROP = 1;
    private static final int GAP = 2;

    private final GapPolicy gapPolicy;
    private final boolean synchronise;
    private final String[] fileNames;
    private final DiffBuffer pending = new DiffBuffer();
    private final List<SequenceGap> gaps = new ArrayList<>();
    private boolean synced;
    private boolean firstAfterSnapshot;
    private long snapshotId;
    private long lastUpdateId;
    /** Whether the files before these (a continued stream) had been synced from a snapshot. */
    private boolean syncedBefore;

    private long diffsApplied;
    private long diffsDropped;
    private long snapshotsApplied;
    private long snapshotsSkipped;

    /**
     * @param synchronise false to pass every diff and snapshot through as read, in file order with its own
     *     local time (no holding back, dropping or sequence checks), as hftbacktest's converter reads a feed
     */
    DepthSync(GapPolicy gapPolicy, boolean synchronise, String[] fileNames) {
        this.gapPolicy = gapPolicy;
        this.synchronise = synchronise;
        this.fileNames = fileNames;
    }

    /**
     * A diff whose level rows are {@code [msgStart, batch.size())}: emits, drops or holds them.
     *
     * @param prev {@code pu}, or {@link DiffBuffer#NO_PREV_ID} for a spot diff
     * @throws MarketDataException on a gap under {@link GapPolicy#FAIL}
     */
    void onDiff(
            EventBatch batch,
            int msgStart,
            long first,
            long last,
            long prev,
            long exchTs,
            long localTs,
            int file,
            long line)
            throws MarketDataException {
        if (!synchronise) {
            batch.stamp(msgStart, EventFlags.LOCAL_EVENT, exchTs, localTs, last);
            diffsApplied++;
            return;
        }
        if (!synced) {
            pending.add(first, last, prev, exchTs, file, line, batch, msgStart);
            batch.truncate(msgStart);
            return;
        }
        switch (check(first, last, prev, file, line)) {
            case APPLY -> {
                batch.stamp(msgStart, EventFlags.LOCAL_EVENT, exchTs, localTs, last);
                diffsApplied++;
            }
            case DROP -> {
                batch.truncate(msgStart);
                diffsDropped++;
            }
            default -> {
                pending.add(first, last, prev, exchTs, file, line, batch, msgStart);
                batch.truncate(msgStart);
                startResync(batch, localTs, exchTs, file, line);
            }
        }
    }

    /**
     * A snapshot whose clear and level rows are {@code [msgStart, batch.size())}: emits them and the held
     * diffs that follow it, as one message, or skips it when already in sync.
     */
    void onSnapshot(EventBatch batch, int msgStart, long id, long exchTs, long localTs) throws MarketDataException {
        if (!synchronise) {
            batch.stamp(msgStart, EventFlags.LOCAL_EVENT, exchTs, localTs, id);
            snapshotsApplied++;
            return;
        }
        if (synced) {
            batch.truncate(msgStart);
            snapshotsSkipped++;
            return;
        }
        batch.stamp(msgStart, EventFlags.LOCAL_EVENT, exchTs, localTs, id);
        snapshotsApplied++;
        synced = true;
        firstAfterSnapshot = true;
        snapshotId = id;
        lastUpdateId = id;
        int n = pending.count();
        for (int d = 0; d < n; d++) {
            switch (check(pending.firstId(d), pending.lastId(d), pending.prevId(d), pending.file(d), pending.line(d))) {
                case APPLY -> {
                    int from = batch.size();
                    pending.appendRows(d, batch);
                    batch.stamp(from, EventFlags.LOCAL_EVENT, pending.exchTs(d), localTs, pending.lastId(d));
                    diffsApplied++;
                }
                case DROP -> diffsDropped++;
                default -> {
                    batch.joinMessages(msgStart);
                    startResync(batch, localTs, pending.exchTs(d), pending.file(d), pending.line(d));
                    pending.dropFirst(d); // the gap's diff and those after it wait for the next snapshot
                    return;
                }
            }
        }
        batch.joinMessages(msgStart);
        pending.clear();
    }

    /**
     * The sequence state a reader of the next files needs to go on without a new snapshot: whether in sync, the
     * snapshot's id and the last applied update id. Diffs held back while out of sync are not carried: a feed that
     * ends out of sync continues out of sync, waiting for a snapshot.
     */
    void writeContinuation(StateWriter out) {
        out.writeBoolean(synced);
        out.writeBoolean(firstAfterSnapshot);
        out.writeLong(snapshotId);
        out.writeLong(lastUpdateId);
        out.writeBoolean(snapshotsApplied > 0 || syncedBefore);
    }

    /**
     * Takes over what {@link #writeContinuation} wrote, before the first line is read.
     *
     * @return whether the stream had been synced from a snapshot before
     */
    boolean readContinuation(StateReader in) {
        synced = in.readBoolean();
        firstAfterSnapshot = in.readBoolean();
        snapshotId = in.readLong();
        lastUpdateId = in.readLong();
        syncedBefore = in.readBoolean();
        return syncedBefore;
    }

    boolean synced() {
        return synced;
    }

    long diffsApplied() {
        return diffsApplied;
    }

    long diffsDropped() {
        return diffsDropped;
    }

    long diffsPending() {
        return pending.count();
    }

    long snapshotsApplied() {
        return snapshotsApplied;
    }

    long snapshotsSkipped() {
        return snapshotsSkipped;
    }

    List<SequenceGap> gaps() {
        return gaps;
    }

    /**
     * Whether a diff continues the book's sequence: {@link #APPLY} (and the sequence advances), {@link #DROP}
     * for a diff older than the snapshot, or {@link #GAP} under {@link GapPolicy#RESYNC}.
     */
    private int check(long first, long last, long prev, int file, long line) throws MarketDataException {
        String detail;
        if (firstAfterSnapshot) {
            if (last < snapshotId) {
                return DROP;
            }
            long limit = prev != DiffBuffer.NO_PREV_ID ? snapshotId : snapshotId + 1;
            if (first <= limit) {
                firstAfterSnapshot = false;
                lastUpdateId = last;
                return APPLY;
            }
            detail = "sequence gap after the depth snapshot (lastUpdateId=" + snapshotId
                    + "): the first diff to apply must have U <= " + limit + ", found U=" + first + " (u=" + last + ")";
        } else if (prev != DiffBuffer.NO_PREV_ID) {
            if (prev == lastUpdateId) {
                lastUpdateId = last;
                return APPLY;
            }
            detail = "sequence gap: expected pu=" + lastUpdateId + ", found pu=" + prev + " (U=" + first + ", u=" + last
                    + ")";
        } else {
            if (first == lastUpdateId + 1) {
                lastUpdateId = last;
                return APPLY;
            }
            detail = "sequence gap: expected U=" + (lastUpdateId + 1) + " (previous u + 1), found U=" + first + " (u="
                    + last + ")";
        }
        String location = fileNames[file] + ":" + line;
        if (gapPolicy == GapPolicy.FAIL) {
            throw new MarketDataException(location, detail);
        }
        gaps.add(new SequenceGap(location, detail));
        return GAP;
    }

    /** Under {@link GapPolicy#RESYNC}: emits a clear of both sides and waits for the next snapshot. */
    private void startResync(EventBatch batch, long localTs, long exchTs, int file, long line) {
        int i = batch.add(EventFlags.DEPTH_CLEAR_EVENT, Double.NaN, 0.0, file, line);
        batch.stamp(i, EventFlags.LOCAL_EVENT, exchTs, localTs, lastUpdateId);
        synced = false;
        firstAfterSnapshot = false;
    }
}
