package io.factorgraph.nodes.strategy;

/** The side of an order: a bid buys, an ask sells. */
public enum Side {
    BID,
    ASK;

    public boolean isBid() {
        return this == BID;
    }

    public static Side of(boolean bid) {
        return bid ? BID : ASK;
    }
}
