package io.factorgraph.backtest.synthetic;

import java.time.Duration;
import java.time.Instant;

/**
 * The synthetic market's model (described in {@link SyntheticMarket}): the fair price, the Poisson order flow
 * simulated exactly (Gillespie), shocks and bursts, on a {@link TickLadder}. Every book change goes through
 * {@link BookMessages}, which turns it into the feed's messages; this class decides what happens and when, and
 * the local time each message reaches the recorder.
 */
final class OrderFlowModel {
    private static final double NANOS_PER_SECOND = 1e9;

    private final SplitMix64 random;
    private final TickLadder ladder;
    private final EventRows rows;
    private final BookMessages book;
    private final long[] moved;
    private final long[] movedLots;

    // the config in model units
    private final long startNs;
    private final long endNs;
    private final long warmupNs;
    private final long latencyNs;
    private final long jitterNs;
    private final long burstNs;
    private final double jumpRate;
    private final double imbalanceSensitivity;
    private final double limitRate;
    private final double marketRate;
    private final double cancelRate;
    private final double shockRate;
    private final double burstIntensity;
    private final double limitMeanLots;
    private final double jumpInvLogQ;
    private final double limitInvLogQ;
    private final double marketInvLogQ;
    private final double shockInvLogQ;
    private final int depthTicks;
    private final double placementScale;
    private final double placementInvTail;
    private final double placementMaxCdf;
    private final double fairFloor;

    // model state
    private long now;
    private double fair;
    private int burstDirection;
    private long burstEnd;
    private long lastLocal = Long.MIN_VALUE;
    private boolean opened;
    private boolean finished;

    // counts
    private long limitOrders;
    private long marketOrders;
    private long cancellations;
    private long jumps;
    private long shocks;

    /** The model of {@code config}; the opening book is built and warmed up here. */
    OrderFlowModel(SyntheticMarket.Config config) {
        Instrument instrument = config.instrument();
        OrderFlow flow = config.flow();
        BookShape shape = config.book();
        Shocks shock = config.shocks();
        this.random = new SplitMix64(config.seed());
        long tickScale = pow10(ConfigChecks.decimalPlaces(instrument.tickSize()));
        long lotScale = pow10(ConfigChecks.decimalPlaces(instrument.lotSize()));
        this.depthTicks = shape.depthTicks();
        int window = Math.max(1 << 12, Integer.highestOneBit(16 * depthTicks - 1) << 1);
        long startTick = Math.round(instrument.startPrice() / instrument.tickSize());
        this.ladder = new TickLadder(window, startTick - window / 2);
        this.rows = new EventRows(
                2 * window + 16,
                Math.round(instrument.tickSize() * tickScale),
                tickScale,
                Math.round(instrument.lotSize() * lotScale),
                lotScale);
        this.book = new BookMessages(ladder, rows, config.feed().bookTicker());
        this.moved = new long[window];
        this.movedLots = new long[window];

        this.startNs = Duration.between(Instant.EPOCH, config.session().start()).toNanos();
        this.endNs = startNs + config.session().duration().toNanos();
        this.warmupNs = config.session().warmup().toNanos();
        this.latencyNs = config.feed().latency().toNanos();
        this.jitterNs = config.feed().jitter().toNanos();
        this.burstNs = shock.burstDuration().toNanos();
        this.jumpRate = config.price().jumpRate();
        this.imbalanceSensitivity = config.price().imbalanceSensitivity();
        this.limitRate = flow.limitRate();
        this.marketRate = flow.marketRate();
        this.cancelRate = flow.cancelRate();
        this.shockRate = shock.rate();
        this.burstIntensity = shock.burstIntensity();
        this.limitMeanLots = flow.limitSizeMean() / instrument.lotSize();
        this.jumpInvLogQ = invLogQ(config.price().jumpMeanTicks());
        this.limitInvLogQ = invLogQ(limitMeanLots);
        this.marketInvLogQ = invLogQ(flow.marketSizeMean() / instrument.lotSize());
        this.shockInvLogQ = invLogQ(shock.meanTicks());
        this.placementScale = shape.placementScaleTicks();
        this.placementInvTail = 1.0 / shape.placementTailIndex();
        this.placementMaxCdf =
                -StrictMath.expm1(-shape.placementTailIndex() * StrictMath.log1p(depthTicks / placementScale));
        this.fairFloor = 2.0 * depthTicks;

        openBook(startTick);
    }

    /** The rows the next model event generates into. */
    EventRows rows() {
        return rows;
    }

    /**
     * Generates the next model event's rows (the opening snapshot first), leaving {@link #rows()} cleared before;
     * false at the end of the session.
     */
    boolean generate() {
        rows.clear();
        if (!opened) {
            opened = true;
            openingSnapshot();
            return true;
        }
        while (!finished) {
            if (!step(endNs, true)) {
                finished = true;
                return false;
            }
            if (rows.size() > 0) {
                return true;
            }
        }
        return false;
    }

    TickLadder ladder() {
        return ladder;
    }

    double fairTicks() {
        return fair;
    }

    long messageCount() {
        return book.messageCount();
    }

    long tradeCount() {
        return book.tradeCount();
    }

    long limitOrderCount() {
        return limitOrders;
    }

    long marketOrderCount() {
        return marketOrders;
    }

    long cancellationCount() {
        return cancellations;
    }

    long jumpCount() {
        return jumps;
    }

    long shockCount() {
        return shocks;
    }

    /** Places the opening book around {@code startTick} and lets it settle for the warm-up. */
    private void openBook(long startTick) {
        now = startNs - warmupNs;
        fair = startTick - 0.5;
        ladder.add(true, startTick - 1, random.nextGeometric(limitInvLogQ));
        ladder.add(false, startTick, random.nextGeometric(limitInvLogQ));
        long orders = Math.max(1, Math.round(limitRate / cancelRate));
        for (long i = 0; i < orders; i++) {
            ladder.add(true, (long) Math.floor(fair - placement()), random.nextGeometric(limitInvLogQ));
            ladder.add(false, (long) Math.ceil(fair + placement()), random.nextGeometric(limitInvLogQ));
        }
        while (step(startNs, false)) {
            rows.clear();
        }
        rows.clear();
        now = startNs;
        lastLocal = Long.MIN_VALUE;
        book.restart();
        limitOrders = 0;
        marketOrders = 0;
        cancellations = 0;
        jumps = 0;
    }

    /** The opening snapshot, at the start, after one feed latency. */
    private void openingSnapshot() {
        long local = startNs + latency();
        book.snapshot(now, local);
        lastLocal = local;
    }

    /** One feed latency, uniform in {@code latency ± jitter}. */
    private long latency() {
        return latencyNs + (jitterNs == 0 ? 0 : Math.round(jitterNs * (2 * random.nextDouble() - 1)));
    }

    /**
     * One Gillespie step up to {@code limit}: waits an exponential time at the total intensity and plays one
     * event. Returns false, leaving the clock at {@code limit}, when the next event would come after it.
     */
    private boolean step(long limit, boolean shocksOn) {
        boolean burst = burstDirection != 0;
        double jump = burst ? jumpRate * burstIntensity : jumpRate;
        double buy = burstDirection > 0 ? marketRate * burstIntensity : marketRate;
        double sell = burstDirection < 0 ? marketRate * burstIntensity : marketRate;
        double cancel = cancelRate * ladder.totalLots() / limitMeanLots;
        double shock = shocksOn ? shockRate : 0.0;
        double total = jump + 2 * limitRate + buy + sell + cancel + shock;
        double wait = random.nextExponential() / total * NANOS_PER_SECOND;
        long t = wait >= (double) (limit - now) ? Long.MAX_VALUE : now + (long) wait;
        if (burst && burstEnd <= limit && t >= burstEnd) {
            now = burstEnd;
            burstDirection = 0;
            return true;
        }
        if (t > limit) {
            now = limit;
            return false;
        }
        now = t;
        long local = Math.max(lastLocal, now + latency());
        double u = random.nextDouble() * total;
        if ((u -= jump) < 0) {
            jump(random.nextDouble() < upProbability(), random.nextGeometric(jumpInvLogQ), false, local);
            jumps++;
        } else if ((u -= limitRate) < 0) {
            limitOrder(true, local);
        } else if ((u -= limitRate) < 0) {
            limitOrder(false, local);
        } else if ((u -= buy) < 0) {
            marketOrder(true, local);
        } else if ((u -= sell) < 0) {
            marketOrder(false, local);
        } else if ((u -= cancel) < 0 || shock == 0) {
            cancellation(local);
        } else {
            boolean up = random.nextDouble() < 0.5;
            jump(up, random.nextGeometric(shockInvLogQ), true, local);
            burstDirection = up ? 1 : -1;
            burstEnd = now + burstNs;
            shocks++;
        }
        if (rows.size() > 0) {
            lastLocal = local;
            recenterIfNeeded(local);
            book.bookTickerIfChanged(now, local);
        }
        return true;
    }

    /**
     * The fair price moves {@code ticks} up or down (at most an eighth of the ladder's window, itself at least
     * {@code 16 * depthTicks}). An informed order of a market-order size picks off the stale side up to the new
     * fair price; the stale quotes it leaves on the wrong side of it are requoted as far as the price moved or,
     * in a shock ({@code withdraw}), withdrawn; on the other side the levels within that distance of the best
     * follow the price. Trades first, then one diff message.
     */
    private void jump(boolean up, long ticks, boolean withdraw, long local) {
        double before = fair;
        fair = Math.max(
                fairFloor, up ? fair + Math.min(ticks, ladder.size() / 8) : fair - Math.min(ticks, ladder.size() / 8));
        long shift = Math.abs(Math.round(fair - before));
        if (shift == 0) {
            return;
        }
        long bound = up ? (long) Math.ceil(fair) - 1 : (long) Math.floor(fair) + 1;
        sweep(up, bound, random.nextGeometric(marketInvLogQ), local);
        boolean staleBids = !up;
        int n = 0;
        for (long t = staleBids ? ladder.bestBid() : ladder.bestAsk();
                t != TickLadder.NONE && (staleBids ? t >= bound : t <= bound);
                t = staleBids ? ladder.nextBelow(t) : ladder.nextAbove(t)) {
            moved[n] = t;
            movedLots[n++] = ladder.lotsAt(t);
        }
        // a withdrawal that would empty the side keeps its furthest stale level
        int kept = withdraw && n == (staleBids ? ladder.bidLevels() : ladder.askLevels()) ? 1 : 0;
        for (int i = 0; i < n - kept; i++) {
            book.take(staleBids, moved[i], movedLots[i]);
        }
        if (!withdraw) {
            long delta = up ? shift : -shift;
            for (int i = 0; i < n; i++) {
                long to = moved[i] + delta;
                book.place(staleBids, placeable(to) ? to : moved[i], movedLots[i]);
            }
        }
        follow(up, shift);
        book.flushDiff(now, local);
    }

    /**
     * The side of the book the price moved towards ({@code up}: the bids) follows it: its levels within
     * {@code shift} ticks of its best move {@code shift} ticks on, each as far as it stays clear of the other side.
     */
    private void follow(boolean up, long shift) {
        long best = up ? ladder.bestBid() : ladder.bestAsk();
        int n = 0;
        for (long t = best;
                t != TickLadder.NONE && Math.abs(best - t) < shift;
                t = up ? ladder.nextBelow(t) : ladder.nextAbove(t)) {
            moved[n] = t;
            movedLots[n++] = ladder.lotsAt(t);
        }
        for (int i = 0; i < n; i++) {
            book.take(up, moved[i], movedLots[i]);
        }
        long other = up ? ladder.bestAsk() : ladder.bestBid();
        for (int i = 0; i < n; i++) {
            long to = up ? moved[i] + shift : moved[i] - shift;
            boolean clear = placeable(to) && (up ? to < other : to > other);
            book.place(up, clear ? to : moved[i], movedLots[i]);
        }
    }

    /**
     * A limit order placed {@code x} ticks from the fair price. One that reaches the other side is a marketable
     * limit order: it trades through the levels up to its price, and the rest, if any, rests at its price.
     */
    private void limitOrder(boolean bid, long local) {
        double x = placement();
        long tick = bid ? (long) Math.floor(fair - x) : (long) Math.ceil(fair + x);
        long lots = random.nextGeometric(limitInvLogQ);
        if (!placeable(tick)) {
            return;
        }
        long opposite = bid ? ladder.bestAsk() : ladder.bestBid();
        long remaining = lots;
        if (bid ? tick >= opposite : tick <= opposite) {
            remaining -= sweep(bid, tick, lots, local);
        }
        if (remaining > 0 && (bid ? tick < ladder.bestAsk() : tick > ladder.bestBid())) {
            book.place(bid, tick, remaining);
        }
        if (book.hasChanges()) {
            limitOrders++;
            book.flushDiff(now, local);
        }
    }

    private void marketOrder(boolean buy, long local) {
        if (sweep(buy, buy ? Long.MAX_VALUE : Long.MIN_VALUE, random.nextGeometric(marketInvLogQ), local) > 0) {
            marketOrders++;
            book.flushDiff(now, local);
        }
    }

    /**
     * Takes up to {@code lots} from the side opposite {@code buy}, level by level from its best, at prices up to
     * {@code limitTick} (down to it for a sell), never the side's last lot, printing one trade message per level;
     * returns the quantity taken.
     */
    private long sweep(boolean buy, long limitTick, long lots, long local) {
        long remaining = lots;
        long tick = buy ? ladder.bestAsk() : ladder.bestBid();
        while (remaining > 0 && (buy ? tick <= limitTick : tick >= limitTick)) {
            long level = ladder.lotsAt(tick);
            boolean last = (buy ? ladder.askLevels() : ladder.bidLevels()) == 1;
            long take = Math.min(remaining, last ? level - 1 : level);
            if (take <= 0) {
                break;
            }
            long following = buy ? ladder.nextAbove(tick) : ladder.nextBelow(tick);
            book.take(!buy, tick, take);
            remaining -= take;
            book.trade(buy, now, local, tick, take);
            if (following == TickLadder.NONE) {
                break;
            }
            tick = following;
        }
        return lots - remaining;
    }

    private void cancellation(long local) {
        long tick = ladder.tickOfLot(random.nextLong(ladder.totalLots()));
        long lots = random.nextGeometric(limitInvLogQ);
        boolean bid = ladder.isBid(tick);
        long level = ladder.lotsAt(tick);
        lots = Math.min(lots, (bid ? ladder.bidLevels() : ladder.askLevels()) == 1 ? level - 1 : level);
        if (lots > 0) {
            book.take(bid, tick, lots);
            cancellations++;
            book.flushDiff(now, local);
        }
    }

    /** Moves the ladder's window back around the quotes when they near an edge; levels that fall out expire. */
    private void recenterIfNeeded(long local) {
        int size = ladder.size();
        int margin = size / 8;
        long base = ladder.base();
        if (ladder.bestBid() - base >= margin && base + size - 1 - ladder.bestAsk() >= margin) {
            return;
        }
        long newBase = (ladder.bestBid() + ladder.bestAsk()) / 2 - size / 2;
        long from = newBase > base ? base : Math.max(base, newBase + size);
        long to = newBase > base ? Math.min(base + size, newBase) : base + size;
        for (long t = from; t < to; t++) {
            long lots = ladder.lotsAt(t);
            if (lots > 0) {
                book.take(ladder.isBid(t), t, lots);
            }
        }
        book.flushDiff(now, local);
        ladder.recenter(newBase);
    }

    /** Whether a level may be placed at {@code tick}: a positive price inside the ladder's window. */
    private boolean placeable(long tick) {
        return tick >= 1 && ladder.inWindow(tick);
    }

    /** {@code 1 / (1 + exp(-imbalanceSensitivity * (qBid - qAsk) / (qBid + qAsk)))} over the best queues. */
    private double upProbability() {
        if (imbalanceSensitivity == 0) {
            return 0.5;
        }
        double b = ladder.lotsAt(ladder.bestBid());
        double a = ladder.lotsAt(ladder.bestAsk());
        return 1.0 / (1.0 + StrictMath.exp(-imbalanceSensitivity * (b - a) / (b + a)));
    }

    /** A placement distance from the fair price, in ticks, in {@code [0, depthTicks)}: the truncated Lomax law. */
    private double placement() {
        double v = random.nextDouble() * placementMaxCdf;
        double x = placementScale * StrictMath.expm1(-placementInvTail * StrictMath.log1p(-v));
        return Math.min(x, Math.nextDown((double) depthTicks));
    }

    /** {@code 1 / -ln(1 - 1/mean)}, the factor that turns an exponential into a geometric with that mean. */
    private static double invLogQ(double mean) {
        return mean <= 1.0 ? 0.0 : -1.0 / StrictMath.log1p(-1.0 / mean);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
