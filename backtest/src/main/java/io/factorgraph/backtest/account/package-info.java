/**
 * Accounting of a simulated (or live) trading account: position, cash, fees, traded volume, equity, and the log of
 * fills they come from.
 */
package io.factorgraph.backtest.account;
